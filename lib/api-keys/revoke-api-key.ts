import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** Revoking is immediate and final: the next request with the key gets 401. */
export async function revokeApiKey(db: Db, actor: Actor | null, org: OrgRef, apiKeyId: string): Promise<void> {
  const context = await requirePermission(db, actor, org, "apikeys.manage");
  if (!isUuid(apiKeyId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.organizationId, context.organization.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!revoked) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: context.organization.id, actorUserId: context.userId, action: "apikey.revoked", targetType: "api_key", targetId: revoked.id, details: { name: revoked.name } });
  });
}
