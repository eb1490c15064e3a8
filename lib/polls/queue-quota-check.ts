import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { QUICK_POLL_JOB } from "./schemas";

/**
 * The statement that queues a quota check for each completed answer in `answered` (a query
 * yielding instrument_id, response_id, at) whose instrument is an open quick poll with quotas, and
 * inserts nothing for the others. One job per response: a key per poll and minute would skip the
 * check of an answer arriving after that minute's job already ran.
 */
export function queueQuotaChecksStatement(answered: SQL): SQL {
  return sql`insert into jobs (kind, run_at, payload, dedupe_key, organization_id)
    select ${QUICK_POLL_JOB.checkQuotas}, a.at, jsonb_build_object('pollId', qp.id), ${`${QUICK_POLL_JOB.checkQuotas}:`} || qp.id || ':' || a.response_id, qp.organization_id
    from (${answered}) as a join quick_polls qp on qp.instrument_id = a.instrument_id
    where qp.status = 'open' and jsonb_array_length(qp.quotas) > 0
    on conflict (dedupe_key) do nothing`;
}

/** Queues the check inside the caller's transaction (the slower, transactional submit path). */
export async function queueQuotaCheck(db: Db, instrumentId: string, responseId: string, at: Date): Promise<void> {
  await db.execute(queueQuotaChecksStatement(sql`select ${instrumentId}::uuid as instrument_id, ${responseId}::uuid as response_id, ${at.toISOString()}::timestamptz as at`));
}
