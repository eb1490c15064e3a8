import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, webhookEndpoints } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { endpointRefSchema } from "./schemas";

/** One endpoint of the organization with its signing secret (admins give it to the receiver); another organization's is NOT_FOUND. */
export async function getWebhookEndpoint(db: Db, actor: Actor | null, org: OrgRef, ref: { endpointId: string }) {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const parsed = endpointRefSchema.safeParse(ref);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const [endpoint] = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      secret: webhookEndpoints.secret,
      isEnabled: webhookEndpoints.isEnabled,
      disabledReason: webhookEndpoints.disabledReason,
      disabledAt: webhookEndpoints.disabledAt,
      consecutiveFailures: webhookEndpoints.consecutiveFailures,
      createdAt: webhookEndpoints.createdAt,
      createdByName: users.name,
      createdByEmail: users.email,
    })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdByUserId))
    .where(and(eq(webhookEndpoints.id, parsed.data.endpointId), eq(webhookEndpoints.organizationId, context.organization.id)));
  if (!endpoint) throw new AppError("NOT_FOUND", "notFound");
  return endpoint;
}
