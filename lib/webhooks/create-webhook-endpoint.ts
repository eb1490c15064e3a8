import "server-only";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { auditedHost, checkedEndpointUrl } from "./endpoint-url";
import { MAX_ENDPOINTS_PER_ORGANIZATION, webhookEndpointInputSchema, type WebhookEndpointInput } from "./schemas";
import { newWebhookSecret } from "./webhook-secret";

/** An admin registers an endpoint; it starts enabled with a new signing secret. */
export async function createWebhookEndpoint(db: Db, actor: Actor | null, org: OrgRef, rawInput: WebhookEndpointInput): Promise<{ id: string }> {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const input = webhookEndpointInputSchema.parse(rawInput);
  const url = checkedEndpointUrl(input.url);
  const organizationId = context.organization.id;
  return db.transaction(async (tx) => {
    const [{ existing }] = await tx.select({ existing: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, organizationId));
    if (existing >= MAX_ENDPOINTS_PER_ORGANIZATION) throw new AppError("CONFLICT", "webhookEndpointLimit");
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ organizationId, url, description: input.description, events: input.events, secret: newWebhookSecret(), createdByUserId: context.userId })
      .returning({ id: webhookEndpoints.id });
    await recordAudit(tx, { organizationId, actorUserId: context.userId, action: "webhook.created", targetType: "webhook_endpoint", targetId: endpoint.id, details: { host: auditedHost(url), events: input.events.join(" ") } });
    return endpoint;
  });
}
