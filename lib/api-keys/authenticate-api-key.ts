import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ApiKeyActor } from "@/lib/authz/require-permission";
import { apiKeyUserId } from "./api-key-user";
import { API_KEY_PREFIX, hashApiKeySecret } from "./api-key-secret";

/** last_used_at is written at most once a minute per key, so reads do not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns an `Authorization: Bearer attune_…` header into the key's actor; 401 without a live key. */
export async function authenticateApiKey(db: Db, authorization: string | null, now = new Date()): Promise<ApiKeyActor> {
  const secret = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!secret?.startsWith(API_KEY_PREFIX)) throw new AppError("UNAUTHENTICATED", "apiKeyRequired");
  const [key] = await db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashApiKeySecret(secret)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw new AppError("UNAUTHENTICATED", "apiKeyInvalid");
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore)) ?? sql`true`));
  }
  return { apiKeyId: key.id, userId: apiKeyUserId(key.id), organizationId: key.organizationId, scopes: key.scopes };
}
