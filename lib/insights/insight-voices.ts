import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { uuidList } from "@/db/sql-lists";

/**
 * How many distinct people and segments an insight's text evidence comes from. A highlight and a
 * quote of the same item count once; an item without a known speaker (erased, or a pseudonymous
 * interview) counts as its own voice, so a missing name never merges voices into one.
 */
export interface InsightVoices {
  /** Distinct people behind the highlights and quotes. */
  people: number;
  /** Distinct coding items behind them. */
  items: number;
  /** Per attribute (region, language, team…): how many distinct values the items cover. */
  segments: Record<string, number>;
  /** Evidence rows by kind. */
  evidence: { highlight: number; quote: number; kpi: number };
}

export const NO_VOICES: InsightVoices = { people: 0, items: 0, segments: {}, evidence: { highlight: 0, quote: 0, kpi: 0 } };

/** The voices of each of these insights of the organization (an insight with no evidence reads as none). */
export async function readInsightVoices(db: Db, organizationId: string, insightIds: readonly string[]): Promise<Map<string, InsightVoices>> {
  const ids = [...new Set(insightIds)];
  const voices = new Map<string, InsightVoices>(ids.map((id) => [id, structuredClone(NO_VOICES)]));
  if (ids.length === 0) return voices;
  const items = sql`
    with cited as (
      select distinct e.insight_id, c.id, c.speaker_user_id, c.attributes
      from insight_evidence e
      left join highlights h on h.id = e.highlight_id and h.organization_id = e.organization_id
      join coding_items c on c.id = coalesce(e.item_id, h.item_id) and c.organization_id = e.organization_id
      where e.organization_id = ${organizationId}::uuid and e.insight_id = any(${uuidList(ids)}) and e.kind in ('highlight', 'quote')
    )`;
  const [people, segments, kinds] = await Promise.all([
    db.execute(sql`${items} select insight_id as "insightId", count(distinct coalesce(speaker_user_id, 'item:' || id::text))::int as people, count(*)::int as items from cited group by insight_id`),
    db.execute(sql`${items} select cited.insight_id as "insightId", a.key, count(distinct a.value)::int as n from cited cross join lateral jsonb_each_text(cited.attributes) a where a.value <> '' group by cited.insight_id, a.key`),
    db.execute(sql`select insight_id as "insightId", kind, count(*)::int as n from insight_evidence where organization_id = ${organizationId}::uuid and insight_id = any(${uuidList(ids)}) group by insight_id, kind`),
  ]);
  for (const row of rowsOf<{ insightId: string; people: number; items: number }>(people)) Object.assign(voices.get(row.insightId)!, { people: Number(row.people), items: Number(row.items) });
  for (const row of rowsOf<{ insightId: string; key: string; n: number }>(segments)) voices.get(row.insightId)!.segments[row.key] = Number(row.n);
  for (const row of rowsOf<{ insightId: string; kind: "highlight" | "quote" | "kpi"; n: number }>(kinds)) voices.get(row.insightId)!.evidence[row.kind] = Number(row.n);
  return voices;
}

/** The total evidence of an insight, of every kind. */
export const evidenceCount = (voices: InsightVoices) => voices.evidence.highlight + voices.evidence.quote + voices.evidence.kpi;
