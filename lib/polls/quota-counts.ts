import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { QuickPollQuota } from "@/db/schema";
import { quotaKey, type QuotaCounts } from "./quotas";

/** Completed responses per quota cell, counted in SQL from the attributes snapshotted on each response. */
export async function quotaCounts(db: Db, instrumentId: string, quotas: readonly QuickPollQuota[]): Promise<QuotaCounts> {
  if (quotas.length === 0) return new Map();
  const result = await db.execute(sql`
    select q.attribute, q.value, count(r.id)::int as n
    from jsonb_to_recordset(${JSON.stringify(quotas)}::jsonb) as q(attribute text, value text)
    left join responses r on r.instrument_id = ${instrumentId}::uuid and r.status = 'completed' and r.attributes ->> q.attribute = q.value
    group by q.attribute, q.value`);
  return new Map(rowsOf<{ attribute: string; value: string; n: number }>(result).map((row) => [quotaKey(row.attribute, row.value), Number(row.n)]));
}
