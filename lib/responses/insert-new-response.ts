import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import type { Answers } from "@/lib/instruments/answers";
import { addToRollupsStatement, randomShard } from "@/lib/kpis/kpi-rollup-statement";
import { queueQuotaCheckStatement } from "@/lib/polls/queue-quota-check";
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

/**
 * Inserts a response, its typed answer rows, its share of the KPI rollups and (completed) its webhook deliveries in one statement (atomic without a transaction,
 * one round trip on the hot path). Returns false when the response id or this respondent's
 * response already exists, writing nothing.
 */
export async function insertNewResponse(db: Db, response: NewResponse): Promise<boolean> {
  const at = response.now.toISOString();
  const submittedAt = response.status === "completed" ? at : null;
  const answerValues = response.rows.map(
    (row) =>
      sql`(${response.organizationId}::uuid, ${response.instrumentId}::uuid, ${row.questionId}, ${row.itemCode}::text, ${row.subKey}::text, ${row.numericValue}::float8, ${row.scaledValue}::float8, ${row.choiceId}::text, ${row.textValue}::text, ${at}::timestamptz)`,
  );
  const answersCte =
    answerValues.length === 0
      ? sql``
      : sql`, stored_answers as (
          insert into response_answers (response_id, organization_id, instrument_id, question_id, item_code, sub_key, numeric_value, scaled_value, choice_id, text_value, submitted_at)
          select inserted.id, v.* from inserted cross join (values ${sql.join(answerValues, sql`, `)})
            as v(organization_id, instrument_id, question_id, item_code, sub_key, numeric_value, scaled_value, choice_id, text_value, submitted_at)
          returning 1
        )`;
  const scored = response.status === "completed" ? response.rows.filter((row) => row.itemCode !== null && row.scaledValue !== null) : [];
  // The KPI rollups count a completed response in the same statement that stores it, so a count can never drift from the answers.
  const rollupCte =
    scored.length === 0
      ? sql``
      : sql`, kpi_rollup as (${addToRollupsStatement(
          sql`select inserted.id as response_id, ${response.organizationId}::uuid as organization_id, v.item_code, v.scaled_value, ${at}::timestamptz as submitted_at, ${JSON.stringify(response.attributes)}::jsonb as attributes
            from inserted cross join (values ${sql.join(scored.map((row) => sql`(${row.itemCode}::text, ${row.scaledValue}::float8)`), sql`, `)}) as v(item_code, scaled_value)`,
          { shard: randomShard() },
        )} returning 1)`;
  const quotaCheckCte = response.queuesQuotaCheck
    ? sql`, quota_check as (${queueQuotaCheckStatement(response.instrumentId, response.id, response.now, sql`exists (select 1 from inserted)`)} returning 1)`
    : sql``;
  // A completed response is reported to the organization's webhooks in the same statement: with no endpoint, one index lookup.
  const webhookCte =
    response.status === "completed"
      ? sql`, ${webhookEventCtes(response.organizationId, "response.created", responseCreatedData({ ...response, programId: response.programId ?? null, submittedAt: response.now }), { onlyIf: sql`exists (select 1 from inserted)` })}`
      : sql``;
  const result = await db.execute(sql`
    with inserted as (
      insert into responses (id, organization_id, instrument_id, instrument_version_id, respondent_user_id, status, locale, answers, attributes, started_at, updated_at, submitted_at)
      values (${response.id}::uuid, ${response.organizationId}::uuid, ${response.instrumentId}::uuid, ${response.instrumentVersionId}::uuid, ${response.respondentUserId},
        ${response.status}::response_status, ${response.locale}::locale, ${JSON.stringify(response.answers)}::jsonb, ${JSON.stringify(response.attributes)}::jsonb,
        ${at}::timestamptz, ${at}::timestamptz, ${submittedAt}::timestamptz)
      on conflict do nothing
      returning id
    )${answersCte}${rollupCte}${quotaCheckCte}${webhookCte}
    select id from inserted`);
  return rowsOf<{ id: string }>(result).length === 1;
}
