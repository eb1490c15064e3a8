import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { parseWebhookEventData, type WebhookEventData, type WebhookEventType } from "./events";
import { WEBHOOK_JOB } from "./jobs";

/**
 * The statement that writes one delivery per enabled endpoint of the organization subscribed to the
 * event, and queues its first attempt. With no endpoint it is one index lookup on
 * webhook_endpoints(organization_id) that inserts nothing. `onlyIf` lets a caller's own statement
 * (the response capture's CTE) emit only when its insert happened.
 */
export function webhookEventCtes(organizationId: string, type: WebhookEventType, data: Record<string, unknown>, { onlyIf = sql`true`, prefix = "webhook_event" }: { onlyIf?: SQL; prefix?: string } = {}): SQL {
  const deliveries = sql.raw(`${prefix}_deliveries`);
  const queued = sql.raw(`${prefix}_jobs`);
  return sql`${deliveries} as (
      insert into webhook_deliveries (organization_id, endpoint_id, event_type, payload, next_attempt_at)
      select e.organization_id, e.id, ${type}, ${JSON.stringify(data)}::jsonb, now()
      from webhook_endpoints e
      where e.organization_id = ${organizationId}::uuid and e.is_enabled and ${type} = any(e.events) and ${onlyIf}
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
  await tx.execute(sql`with ${webhookEventCtes(organizationId, type, parsed)} select 1`);
}
