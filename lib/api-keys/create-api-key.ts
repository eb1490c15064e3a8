import "server-only";
import type { Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { apiKeyUserId } from "./api-key-user";
import { displayPrefix, hashApiKeySecret, newApiKeySecret } from "./api-key-secret";
import { normalizeScopes } from "./scopes";
import { createApiKeySchema, type CreateApiKeyInput } from "./schemas";

export interface IssuedApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  /** The whole key: returned this once, never stored. */
  secret: string;
}

/** An admin creates a key for their organization. */
export async function createApiKey(db: Db, actor: Actor | null, org: OrgRef, input: CreateApiKeyInput): Promise<IssuedApiKey> {
  const context = await requirePermission(db, actor, org, "apikeys.manage");
  return issueApiKey(db, context.organization.id, input, context.userId);
}

/**
 * Stores a new key and the user row its work is recorded under. Also used by the command line,
 * where an operator with database access acts without a user (`createdByUserId` null).
 */
export async function issueApiKey(db: Db, organizationId: string, input: CreateApiKeyInput, createdByUserId: string | null): Promise<IssuedApiKey> {
  const parsed = createApiKeySchema.parse(input);
  const scopes = normalizeScopes(parsed.scopes);
  const secret = newApiKeySecret();
  return db.transaction(async (tx) => {
    const [key] = await tx
      .insert(apiKeys)
      .values({ organizationId, name: parsed.name, prefix: displayPrefix(secret), secretHash: hashApiKeySecret(secret), scopes, createdByUserId })
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes });
    await tx.insert(users).values({ id: apiKeyUserId(key.id), name: `API key “${parsed.name}”` });
    await recordAudit(tx, { organizationId, actorUserId: createdByUserId, action: "apikey.created", targetType: "api_key", targetId: key.id, details: { name: parsed.name, scopes: scopes.join(" "), ...(createdByUserId ? {} : OPERATOR_AUDIT_DETAILS) } });
    return { ...key, secret };
  });
}
