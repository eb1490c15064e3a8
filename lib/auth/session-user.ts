import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";

/** The person a live Auth.js database session belongs to, read as Auth.js reads it (for the lean server's pages). */
export async function sessionUser(db: Db, sessionToken: string, now = new Date()): Promise<{ id: string; locale: string | null } | null> {
  const [user] = await db
    .select({ id: users.id, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, now)))
    .limit(1);
  return user ?? null;
}
