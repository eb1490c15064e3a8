import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MySharedInsight } from "./my-data-types";
import { iso, type MyScope } from "./read-my-records";

/** Enough for any person; an insight list longer than this would not be read on one page anyway. */
const MAX_INSIGHTS = 200;

/**
 * The organization's published insights whose highlights or quotes include the person's own coding
 * items, newest first: what was learned partly from them. Only the claim and body are read; the
 * other passages (other people's words) are never part of it.
 */
export async function readMySharedInsights(db: Db, scope: MyScope): Promise<MySharedInsight[]> {
  const rows = rowsOf<{ insightId: string; claim: string; body: string; publishedAt: Date | string }>(
    await db.execute(sql`
      select i.id as "insightId", i.claim, i.body, i.published_at as "publishedAt"
      from insights i
      where i.organization_id = ${scope.orgId}::uuid and i.status = 'published' and i.published_at is not null
        and exists (
          select 1 from insight_evidence e
          left join highlights h on h.id = e.highlight_id
          join coding_items c on c.id = coalesce(e.item_id, h.item_id)
          where e.insight_id = i.id and e.organization_id = i.organization_id and c.organization_id = i.organization_id and c.speaker_user_id = ${scope.userId}
        )
      order by i.published_at desc, i.id
      limit ${MAX_INSIGHTS}`),
  );
  return rows.map((row) => ({ insightId: row.insightId, claim: row.claim, body: row.body, publishedAt: iso(row.publishedAt) }));
}
