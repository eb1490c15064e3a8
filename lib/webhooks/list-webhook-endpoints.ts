import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

/** An organization's endpoints, oldest first, without their secrets. */
export async function listWebhookEndpoints(db: Db, actor: Actor | null, org: OrgRef) {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      isEnabled: webhookEndpoints.isEnabled,
      disabledReason: webhookEndpoints.disabledReason,
      disabledAt: webhookEndpoints.disabledAt,
      consecutiveFailures: webhookEndpoints.consecutiveFailures,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, context.organization.id))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}
export type WebhookEndpointRow = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
