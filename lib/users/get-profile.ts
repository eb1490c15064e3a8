import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";

export async function getProfile(db: Db, actor: Actor) {
  const [profile] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  return profile ?? null;
}
