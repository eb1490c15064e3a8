import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { QUICK_POLL_JOB } from "./schemas";

/**
 * The statement that queues a quota check for a completed answer, when the instrument is an open
 * quick poll with quotas (and inserts nothing otherwise). One job per response: a key per poll and
 * minute would skip the check of an answer arriving after that minute's job already ran.
 */
export function queueQuotaCheckStatement(instrumentId: string, responseId: string, at: Date, onlyIf: SQL = sql`true`): SQL {
  return sql`insert into jobs (kind, run_at, payload, dedupe_key, organization_id)
    select ${QUICK_POLL_JOB.checkQuotas}, ${at.toISOString()}::timestamptz, jsonb_build_object('pollId', qp.id), ${`${QUICK_POLL_JOB.checkQuotas}:`} || qp.id || ':' || ${responseId}, qp.organization_id
    from quick_polls qp
    where qp.instrument_id = ${instrumentId}::uuid and qp.status = 'open' and jsonb_array_length(qp.quotas) > 0 and ${onlyIf}
    on conflict (dedupe_key) do nothing`;
}

/** Queues the check inside the caller's transaction (the slower, transactional submit path). */
export async function queueQuotaCheck(db: Db, instrumentId: string, responseId: string, at: Date): Promise<void> {
  await db.execute(queueQuotaCheckStatement(instrumentId, responseId, at));
}
