import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { parseWebhookEventData, type WebhookEventData, type WebhookEventType } from "./events";
import { WEBHOOK_JOB } from "./jobs";

/**
 * The statements that write one delivery per enabled endpoint subscribed to `type`, for each event
 * in `events` (a query yielding organization_id, payload), and queue its first attempt. For an
 * organization with no endpoint it is one index lookup on webhook_endpoints(organization_id) that
 * inserts nothing. A caller's own statement (the response capture) passes the events it wrote.
 */
export function webhookEventCtes(type: WebhookEventType, events: SQL, { prefix = "webhook_event" }: { prefix?: string } = {}): SQL {
  const deliveries = sql.raw(`${prefix}_deliveries`);
  const queued = sql.raw(`${prefix}_jobs`);
  return sql`${deliveries} as (
      insert into webhook_deliveries (organization_id, endpoint_id, event_type, payload, next_attempt_at)
      select e.organization_id, e.id, ${type}, event.payload, now()
      from (${events}) as event join webhook_endpoints e on e.organization_id = event.organization_id
      where e.is_enabled and ${type} = any(e.events)
      returning id, organization_id
    ), ${queued} as (
      insert into jobs (kind, run_at, payload, dedupe_key, organization_id, max_attempts)
      select ${WEBHOOK_JOB.deliver}, now(), jsonb_build_object('deliveryId', d.id, 'attempt', 1), ${`${WEBHOOK_JOB.deliver}:`} || d.id || ':1', d.organization_id, 3
      from ${deliveries} d
      on conflict (dedupe_key) do nothing
      returning 1
    )`;
}

/**
 * Emits an event in the caller's transaction (an outbox): the deliveries commit with the change
 * they report, or not at all. Data is checked against the event's schema (thin: ids, times, counts).
 */
export async function emitWebhookEvent<T extends WebhookEventType>(tx: Db, organizationId: string, type: T, data: WebhookEventData<T>): Promise<void> {
  const parsed = parseWebhookEventData(type, data);
  await tx.execute(sql`with ${webhookEventCtes(type, sql`select ${organizationId}::uuid as organization_id, ${JSON.stringify(parsed)}::jsonb as payload`)} select 1`);
}
