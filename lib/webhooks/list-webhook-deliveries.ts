import "server-only";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { endpointRefSchema } from "./schemas";

export const DELIVERIES_PAGE_SIZE = 25;

/** A page's place in the log: the (created at, id) of the last delivery shown, as "<ms>_<uuid>". */
export const deliveryCursorSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f-]{36}$/i)
  .transform((value) => {
    const [ms, id] = value.split("_");
    return { createdAt: new Date(Number(ms)), id };
  });

const cursorOf = (delivery: { createdAt: Date; id: string }) => `${delivery.createdAt.getTime()}_${delivery.id}`;

/** An endpoint's deliveries, newest first, a page at a time by keyset (never an offset). */
export async function listWebhookDeliveries(db: Db, actor: Actor | null, org: OrgRef, input: { endpointId: string; after?: string }) {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const parsed = endpointRefSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const cursor = input.after ? deliveryCursorSchema.safeParse(input.after) : null;
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, parsed.data.endpointId), eq(webhookEndpoints.organizationId, context.organization.id)));
  if (!endpoint) throw new AppError("NOT_FOUND", "notFound");
  const conditions: SQL[] = [eq(webhookDeliveries.endpointId, endpoint.id)];
  if (cursor?.success) {
    const { createdAt, id } = cursor.data;
    conditions.push(or(lt(webhookDeliveries.createdAt, createdAt), and(eq(webhookDeliveries.createdAt, createdAt), lt(webhookDeliveries.id, id)))!);
  }
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastResponseStatus: webhookDeliveries.lastResponseStatus,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERIES_PAGE_SIZE + 1);
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  return { deliveries: page, nextAfter: rows.length > DELIVERIES_PAGE_SIZE ? cursorOf(page[page.length - 1]) : null };
}
export type WebhookDeliveryRow = Awaited<ReturnType<typeof listWebhookDeliveries>>["deliveries"][number];
