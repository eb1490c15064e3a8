import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responseAnswers, responses } from "@/db/schema";
import type { Actor, OrgRef, SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { validateAnswers, type Answers } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";
import { versionDefinition } from "@/lib/instruments/version-definition";
import { addToRollupsStatement, randomShard, storedAnswers } from "@/lib/kpis/kpi-rollup-statement";
import { queueQuotaCheck } from "@/lib/polls/queue-quota-check";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { responseCreatedData } from "@/lib/webhooks/response-created";
import { answerRows } from "./answer-rows";
import { insertNewResponse, type NewResponse } from "./insert-new-response";
import { respondentContext, type RespondentContext } from "./respondent-context";
import { responsePayloadSchema, type ResponsePayload } from "./schemas";

export interface SaveResult {
  responseId: string;
  status: "in_progress" | "completed";
  /** True when this call found the work already done (a retry or a double click). */
  isRepeat: boolean;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function validated(result: { answers: Answers; errors: Record<string, string> }): Answers {
  if (Object.keys(result.errors).length > 0) throw new AppError("INVALID", "answersInvalid", result.errors);
  return result.answers;
}

async function insertAnswerRows(tx: Tx, definition: Definition, answers: Answers, ids: { responseId: string; organizationId: string; instrumentId: string }, submittedAt: Date) {
  const rows = answerRows(definition, answers).map((row) => ({ ...row, ...ids, submittedAt }));
  if (rows.length === 0) return;
  await tx.insert(responseAnswers).values(rows);
  await tx.execute(addToRollupsStatement(storedAnswers(sql`ra.response_id = ${ids.responseId}::uuid`), { shard: randomShard() }));
}

export interface SaveOptions {
  complete: boolean;
  /** Called after a commit that queued a background job. */
  onQueuedWork?: () => void;
  /** Stores a response this device has not sent before; insertNewResponse unless the caller groups writes. */
  storeNew?: (response: NewResponse) => Promise<boolean>;
}

/**
 * Saves a respondent's answers: partially while they go (`complete: false`), or as the final
 * submission (`complete: true`), which also writes the typed answer rows. The response id from
 * the device makes every call idempotent, and one respondent has at most one response per
 * instrument, so a retried or doubled submit is never counted twice.
 */
export async function saveResponse(db: Db, actor: Actor | SessionActor | null, org: OrgRef, payload: ResponsePayload, options: SaveOptions, now = new Date()): Promise<SaveResult> {
  const input = responsePayloadSchema.parse(payload);
  return saveInContext(db, await respondentContext(db, actor, org, input.instrumentId), input, options, now);
}

/** saveResponse once the respondent and the instrument are known (see `respondentContext`). */
export async function saveInContext(db: Db, context: RespondentContext, input: ResponsePayload, { complete, onQueuedWork, storeNew = (response) => insertNewResponse(db, response) }: SaveOptions, now: Date): Promise<SaveResult> {
  const { userId } = context;
  const ids = { responseId: input.responseId, organizationId: context.organization.id, instrumentId: context.instrumentId };
  const status = complete ? "completed" : "in_progress";
  // Only a program's instrument can be a quick poll whose quotas a completed answer may fill.
  const queuesQuotaCheck = complete && context.programId !== null;

  // The common case first, in one atomic statement: a response this device has not sent before.
  // Any conflict (the same id again, or this person's other response) takes the slower path.
  const latest = validateAnswers(context.latest.definition, input.answers, { complete });
  const isValidForLatest = Object.keys(latest.errors).length === 0;
  if (isValidForLatest) {
    const isInserted = await storeNew({
      id: input.responseId,
      organizationId: context.organization.id,
      instrumentId: context.instrumentId,
      instrumentVersionId: context.latest.id,
      respondentUserId: userId,
      status,
      locale: input.locale,
      answers: latest.answers,
      attributes: context.attributes,
      rows: complete ? answerRows(context.latest.definition, latest.answers) : [],
      now,
      queuesQuotaCheck,
      programId: context.programId,
    });
    if (isInserted) {
      if (queuesQuotaCheck) onQueuedWork?.();
      return { responseId: input.responseId, status, isRepeat: false };
    }
  }

  const result = await db.transaction(async (tx): Promise<SaveResult> => {
    const [existing] = await tx
      .select({ id: responses.id, status: responses.status, respondentUserId: responses.respondentUserId, instrumentId: responses.instrumentId, versionId: responses.instrumentVersionId })
      .from(responses)
      .where(eq(responses.id, input.responseId))
      .for("update");
    if (!existing) {
      validated(latest);
      return alreadyStarted(tx, userId, context.instrumentId);
    }
    if (existing.respondentUserId !== userId || existing.instrumentId !== context.instrumentId) throw new AppError("NOT_FOUND", "notFound");
    if (existing.status === "completed") return { responseId: existing.id, status: "completed", isRepeat: true };

    // A response keeps answering the version it started on, even after a republication.
    const definition = existing.versionId === context.latest.id ? context.latest.definition : await versionDefinition(db, existing.versionId);
    const answers = validated(existing.versionId === context.latest.id ? latest : validateAnswers(definition, input.answers, { complete }));
    await tx.update(responses).set({ answers, locale: input.locale, status, updatedAt: now, submittedAt: complete ? now : null }).where(eq(responses.id, existing.id));
    if (complete) {
      await insertAnswerRows(tx, definition, answers, ids, now);
      await emitWebhookEvent(tx, ids.organizationId, "response.created", responseCreatedData({ id: existing.id, instrumentId: context.instrumentId, instrumentVersionId: existing.versionId, programId: context.programId, submittedAt: now }));
    }
    if (queuesQuotaCheck) await queueQuotaCheck(tx, context.instrumentId, existing.id, now);
    return { responseId: existing.id, status, isRepeat: false };
  });
  if (queuesQuotaCheck && !result.isRepeat) onQueuedWork?.();
  return result;
}

/** Another device of the same person started first: point this one at that response. */
async function alreadyStarted(tx: Tx, userId: string, instrumentId: string): Promise<SaveResult> {
  const [other] = await tx
    .select({ id: responses.id, status: responses.status })
    .from(responses)
    .where(and(eq(responses.instrumentId, instrumentId), eq(responses.respondentUserId, userId)));
  if (!other) throw new AppError("CONFLICT", "responseConflict");
  if (other.status === "completed") return { responseId: other.id, status: "completed", isRepeat: true };
  throw new AppError("CONFLICT", "responseStartedElsewhere");
}
