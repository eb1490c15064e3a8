import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { auditedHost, checkedEndpointUrl } from "./endpoint-url";
import { endpointRefSchema, webhookEndpointInputSchema, type WebhookEndpointInput } from "./schemas";

/** An admin changes where an endpoint is, what it is for and which events it receives. */
export async function updateWebhookEndpoint(db: Db, actor: Actor | null, org: OrgRef, ref: { endpointId: string }, rawInput: WebhookEndpointInput): Promise<void> {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const { endpointId } = endpointRefSchema.parse(ref);
  const input = webhookEndpointInputSchema.parse(rawInput);
  const url = checkedEndpointUrl(input.url);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ url, description: input.description, events: input.events, updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, context.organization.id)))
      .returning({ id: webhookEndpoints.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: context.organization.id, actorUserId: context.userId, action: "webhook.updated", targetType: "webhook_endpoint", targetId: endpointId, details: { host: auditedHost(url), events: input.events.join(" ") } });
  });
}
