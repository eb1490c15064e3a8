import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instanceSettings } from "@/db/schema";

/**
 * AUTH_SECRET when configured; otherwise a random secret generated once and kept in the
 * database, so a zero-configuration demo works and every instance on that database agrees.
 */
export async function getAuthSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  // Once stored the secret never changes, so each process reads it once rather than on every request.
  const known = storedSecrets().get(db);
  if (known) return known;
  await db.insert(instanceSettings).values({ key: "auth_secret", value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, "auth_secret"));
  storedSecrets().set(db, row.value);
  return row.value;
}

const globalForSecrets = globalThis as typeof globalThis & { __attuneAuthSecrets?: WeakMap<Db, string> };
const storedSecrets = () => (globalForSecrets.__attuneAuthSecrets ??= new WeakMap());
