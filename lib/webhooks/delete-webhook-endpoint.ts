import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { auditedHost } from "./endpoint-url";
import { endpointRefSchema } from "./schemas";

/** Deletes an endpoint with its delivery log; attempts still queued find nothing and stop. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor | null, org: OrgRef, ref: { endpointId: string }): Promise<void> {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const { endpointId } = endpointRefSchema.parse(ref);
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, context.organization.id)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!deleted) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: context.organization.id, actorUserId: context.userId, action: "webhook.deleted", targetType: "webhook_endpoint", targetId: deleted.id, details: { host: auditedHost(deleted.url) } });
  });
}
