import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** Revoking is immediate and final: the next request with the key gets 401. */
export async function revokeApiKey(db: Db, actor: Actor | null, org: OrgRef, apiKeyId: string): Promise<void> {
  const context = await requirePermission(db, actor, org, "apikeys.manage");
  await revokeKey(db, context.organization.id, apiKeyId, context.userId);
}

/** The command line's way: an operator with database access revokes with no one signed in. */
export async function revokeApiKeyAsOperator(db: Db, organizationId: string, apiKeyId: string): Promise<void> {
  await revokeKey(db, organizationId, apiKeyId, null);
}

async function revokeKey(db: Db, organizationId: string, apiKeyId: string, actorUserId: string | null): Promise<void> {
  if (!isUuid(apiKeyId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.organizationId, organizationId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!revoked) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId, actorUserId, action: "apikey.revoked", targetType: "api_key", targetId: revoked.id, details: { name: revoked.name, ...(actorUserId ? {} : OPERATOR_AUDIT_DETAILS) } });
  });
}
