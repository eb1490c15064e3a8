import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import type { Answers } from "@/lib/instruments/answers";
import { addToRollupsStatement, randomShard } from "@/lib/kpis/kpi-rollup-statement";
import { queueQuotaChecksStatement } from "@/lib/polls/queue-quota-check";
import { responseCreatedData } from "@/lib/webhooks/response-created";
import { webhookEventCtes } from "@/lib/webhooks/emit-webhook-event";
import type { AnswerRow } from "./answer-rows";

export interface NewResponse {
  id: string;
  organizationId: string;
  instrumentId: string;
  instrumentVersionId: string;
  respondentUserId: string;
  status: "in_progress" | "completed";
  locale: string;
  answers: Answers;
  attributes: MemberAttributes;
  rows: AnswerRow[];
  now: Date;
  /** A completed answer to a program's instrument: queue a quota check if it is a quick poll. */
  queuesQuotaCheck?: boolean;
  /** The instrument's program, named in the response.created webhook. */
  programId?: string | null;
}

/** A new response stands alone in a batch: no other with its id, none by its respondent to its instrument. */
export const newResponseKeys = (response: Pick<NewResponse, "id" | "instrumentId" | "respondentUserId">) => [response.id, `${response.instrumentId}:${response.respondentUserId}`];

/** insertNewResponses for one response: whether it was inserted. */
export async function insertNewResponse(db: Db, response: NewResponse): Promise<boolean> {
  return (await insertNewResponses(db, [response])).has(response.id);
}

/**
 * Inserts responses, their typed answer rows, their share of the KPI rollups, their quota checks
 * and (completed) their webhook deliveries in one statement: atomic without a transaction, one
 * round trip for a whole batch on the hot path. A response whose id or whose respondent's response
 * to the instrument already exists is skipped, writing nothing of it. No two responses of a call
 * may share a key of `newResponseKeys`. Returns the ids inserted.
 */
export async function insertNewResponses(db: Db, batch: NewResponse[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const given = batch.map((response) => {
    const at = response.now.toISOString();
    const isCompleted = response.status === "completed";
    return {
      id: response.id,
      organization_id: response.organizationId,
      instrument_id: response.instrumentId,
      instrument_version_id: response.instrumentVersionId,
      respondent_user_id: response.respondentUserId,
      status: response.status,
      locale: response.locale,
      answers: response.answers,
      attributes: response.attributes,
      at,
      submitted_at: isCompleted ? at : null,
      queues_quota_check: response.queuesQuotaCheck ?? false,
      created_event: isCompleted ? responseCreatedData({ ...response, programId: response.programId ?? null, submittedAt: response.now }) : null,
    };
  });
  const givenAnswers = batch.flatMap((response) =>
    response.rows.map((row) => ({
      response_id: response.id,
      organization_id: response.organizationId,
      instrument_id: response.instrumentId,
      question_id: row.questionId,
      item_code: row.itemCode,
      sub_key: row.subKey,
      numeric_value: row.numericValue,
      scaled_value: row.scaledValue,
      choice_id: row.choiceId,
      text_value: row.textValue,
      submitted_at: response.now.toISOString(),
    })),
  );
  // Only completed responses carry answer rows; those the insert skipped are left out below.
  const storedRows = sql`select a.* from given_answers a join inserted on inserted.id = a.response_id`;
  const result = await db.execute(sql`
    with given as (
      select * from jsonb_to_recordset(${JSON.stringify(given)}::jsonb) as g(id uuid, organization_id uuid, instrument_id uuid, instrument_version_id uuid, respondent_user_id text,
        status response_status, locale locale, answers jsonb, attributes jsonb, at timestamptz, submitted_at timestamptz, queues_quota_check boolean, created_event jsonb)
    ), inserted as (
      insert into responses (id, organization_id, instrument_id, instrument_version_id, respondent_user_id, status, locale, answers, attributes, started_at, updated_at, submitted_at)
      select id, organization_id, instrument_id, instrument_version_id, respondent_user_id, status, locale, answers, attributes, at, at, submitted_at from given
      on conflict do nothing
      returning id
    ), given_answers as (
      select * from jsonb_to_recordset(${JSON.stringify(givenAnswers)}::jsonb) as a(response_id uuid, organization_id uuid, instrument_id uuid, question_id text, item_code text, sub_key text,
        numeric_value float8, scaled_value float8, choice_id text, text_value text, submitted_at timestamptz)
    ), stored_answers as (
      insert into response_answers (response_id, organization_id, instrument_id, question_id, item_code, sub_key, numeric_value, scaled_value, choice_id, text_value, submitted_at)
      ${storedRows}
      returning 1
    ), kpi_rollup as (
      -- The KPI rollups count a completed response in the statement that stores it, so a count can never drift from the answers.
      ${addToRollupsStatement(
        sql`select a.response_id, a.organization_id, a.item_code, a.scaled_value, a.submitted_at, g.attributes
          from (${storedRows}) as a join given g on g.id = a.response_id
          where a.item_code is not null and a.scaled_value is not null`,
        { shard: randomShard() },
      )}
      returning 1
    ), quota_check as (
      ${queueQuotaChecksStatement(sql`select g.instrument_id, g.id as response_id, g.at from given g join inserted on inserted.id = g.id where g.queues_quota_check`)}
      returning 1
    ), ${webhookEventCtes("response.created", sql`select g.organization_id, g.created_event as payload from given g join inserted on inserted.id = g.id where g.created_event is not null`)}
    select id from inserted`);
  return new Set(rowsOf<{ id: string }>(result).map((row) => row.id));
}
