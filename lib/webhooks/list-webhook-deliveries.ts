import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { decodeCursor, encodeCursor } from "@/lib/api/common-schemas";
import { AppError } from "@/lib/errors";
import { endpointRefSchema } from "./schemas";

export const DELIVERIES_PAGE_SIZE = 25;

/**
 * A page's place in the log: the (created at, id) of the last delivery shown. The time is kept as
 * the database writes it: a JavaScript date would round away the microseconds, and deliveries
 * emitted in one transaction share their time to the microsecond.
 */
const cursorShape = z.tuple([z.string().max(40), z.uuid()]);

function readCursor(after: string | undefined): [string, string] | null {
  try {
    return decodeCursor(after, cursorShape) as [string, string] | null;
  } catch {
    return null; // a cursor this page did not give out: start from the newest
  }
}

/** An endpoint's deliveries, newest first, a page at a time by keyset (never an offset). */
export async function listWebhookDeliveries(db: Db, actor: Actor | null, org: OrgRef, input: { endpointId: string; after?: string }) {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const parsed = endpointRefSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const cursor = readCursor(input.after);
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, parsed.data.endpointId), eq(webhookEndpoints.organizationId, context.organization.id)));
  if (!endpoint) throw new AppError("NOT_FOUND", "notFound");
  const conditions: SQL[] = [eq(webhookDeliveries.endpointId, endpoint.id)];
  if (cursor) conditions.push(sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
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
      position: sql<string>`${webhookDeliveries.createdAt}::text`,
    })
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERIES_PAGE_SIZE + 1);
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  const last = page.at(-1);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the position only makes the cursor
  return { deliveries: page.map(({ position, ...delivery }) => delivery), nextAfter: rows.length > DELIVERIES_PAGE_SIZE && last ? encodeCursor([last.position, last.id]) : null };
}
export type WebhookDeliveryRow = Awaited<ReturnType<typeof listWebhookDeliveries>>["deliveries"][number];
