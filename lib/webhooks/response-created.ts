import type { WebhookEventData } from "./events";

/** The response.created data of a completed response, the same from the one-statement and the transactional paths. */
export function responseCreatedData(response: { id: string; instrumentId: string; instrumentVersionId: string; programId: string | null; submittedAt: Date }): WebhookEventData<"response.created"> {
  return { responseId: response.id, instrumentId: response.instrumentId, instrumentVersionId: response.instrumentVersionId, programId: response.programId, submittedAt: response.submittedAt.toISOString() };
}
