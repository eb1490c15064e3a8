import { z } from "zod";

// The events an endpoint can subscribe to, each with its payload's `data`. Payloads are thin on
// purpose: ids, times and counts, never answers, names or emails. A receiver that needs more reads
// it through the API with its own key, so what it may see is decided there, not in the log.

const id = z.uuid();
const time = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

export const WEBHOOK_EVENT_SCHEMAS = {
  /** A respondent submitted a completed response (partial saves send nothing). */
  "response.created": z.strictObject({ responseId: id, instrumentId: id, instrumentVersionId: id, programId: id.nullable(), submittedAt: time }),
  /** A program's cycle (e.g. a monthly frontline pulse) closed and counted who was invited and who answered. */
  "cycle.closed": z.strictObject({ cycleId: id, programId: id, instrumentId: id.nullable(), closedAt: time, invitedCount: count, respondedCount: count }),
  /** A live session ended; its answers are stored as responses shortly after. */
  "session.ended": z.strictObject({ sessionId: id, programId: id, endedAt: time }),
  /** An alert rule raised an alert (its action item is due on `dueOn`). */
  "alert.created": z.strictObject({ alertId: id, ruleId: id, ruleKind: z.string().min(1), raisedAt: time, dueOn: z.iso.date() }),
  /** A decision was appended to a campaign's log (a correction names the decision it corrects). */
  "decision.recorded": z.strictObject({ decisionId: id, campaignId: id, kind: z.string().min(1), correctsDecisionId: id.nullable(), recordedAt: time }),
  /** A participant's data was erased: `erasureId` is the receipt's id (the audit log's target), never the person's. */
  "participant.erased": z.strictObject({ erasureId: id, policy: z.enum(["keep_anonymous", "delete"]), responses: count, posts: count, reports: count, erasedAt: time }),
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_SCHEMAS;
export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENT_SCHEMAS)[T]>;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_SCHEMAS) as WebhookEventType[];

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]]);

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === "string" && Object.hasOwn(WEBHOOK_EVENT_SCHEMAS, value);
}

/** The message body a receiver gets (Standard Webhooks): the type, when it happened and its data. */
export interface WebhookMessage<T extends WebhookEventType = WebhookEventType> {
  type: T;
  timestamp: string;
  data: WebhookEventData<T>;
}

/** Checks an event's data against its type's schema; unknown keys are refused, so nothing extra can leak. */
export function parseWebhookEventData<T extends WebhookEventType>(type: T, data: WebhookEventData<T>): WebhookEventData<T> {
  return WEBHOOK_EVENT_SCHEMAS[type].parse(data) as WebhookEventData<T>;
}

/** The exact bytes signed and sent. */
export function webhookBody(type: string, timestamp: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: timestamp.toISOString(), data });
}

/** The catalog key of an event type (catalog keys cannot hold dots): "response.created" → "response_created". */
export function webhookEventKey(type: string): string {
  return type.replace(".", "_");
}
