import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import { codingItemSourceJoins, codingItemText } from "@/lib/coding/coding-item-text";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import type { KpiEvidence } from "@/lib/decisions/evidence";

type Timestamp = Date | string;

/** One piece of an insight's evidence as a reader sees it: never the speaker, only source, date and segment. */
export type InsightPassage =
  | {
      id: string;
      kind: "highlight" | "quote";
      itemId: string;
      source: "answer" | "live_post" | "field_report" | "interview";
      saidAt: string;
      attributes: MemberAttributes;
      /** The words, or null when the speaker has not (or no longer) granted quotes: still counted as evidence. */
      text: string | null;
      tags: Array<{ id: string; name: string; color: string }>;
    }
  | { id: string; kind: "kpi"; kpi: KpiEvidence };

/**
 * Whether an item's words may be shown: a council's or panel's member only with their effective
 * "quotes" consent in that program, read at every view so a withdrawal hides them at once. Field
 * reports are already readable by researchers (their author is never shown); other items (open
 * surveys outside a program, frontline programs) have no consent flow.
 */
export const isItemQuotable = sql<boolean>`(case when c.source <> 'field_report' and src_program.kind in ('council', 'panel') then ${hasEffectiveConsent(sql`c.program_id`, sql`c.speaker_user_id`, "quotes")} else true end)`;
export const itemProgramJoin = sql`left join programs src_program on src_program.id = c.program_id`;

/** An insight's evidence in its order, with passage text where it may be shown. */
export async function readInsightPassages(db: Db, organizationId: string, insightId: string): Promise<InsightPassage[]> {
  const rows = rowsOf<{
    id: string;
    kind: "highlight" | "quote" | "kpi";
    kpi: KpiEvidence | null;
    itemId: string | null;
    source: "answer" | "live_post" | "field_report" | "interview" | null;
    saidAt: Timestamp | null;
    attributes: MemberAttributes | null;
    text: string | null;
    startOffset: number | null;
    endOffset: number | null;
    tags: Array<{ id: string; name: string; color: string }> | null;
  }>(
    await db.execute(sql`
      select e.id, e.kind, e.kpi, c.id as "itemId", c.source, c.said_at as "saidAt", c.attributes,
        case when ${isItemQuotable} then ${codingItemText} end as text,
        h.start_offset as "startOffset", h.end_offset as "endOffset",
        (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.position, t.name), '[]'::json)
           from highlight_tags ht join coding_tags t on t.id = ht.tag_id where ht.highlight_id = h.id) as tags
      from insight_evidence e
      left join highlights h on h.id = e.highlight_id and h.organization_id = e.organization_id
      left join coding_items c on c.id = coalesce(e.item_id, h.item_id) and c.organization_id = e.organization_id
      ${codingItemSourceJoins("c")}
      ${itemProgramJoin}
      where e.organization_id = ${organizationId}::uuid and e.insight_id = ${insightId}::uuid
      order by e.position, e.created_at`),
  );
  return rows.flatMap((row): InsightPassage[] => {
    if (row.kind === "kpi") return row.kpi ? [{ id: row.id, kind: "kpi", kpi: row.kpi }] : [];
    if (!row.itemId || !row.source || !row.saidAt) return [];
    const text = row.text === null ? null : row.kind === "highlight" && row.startOffset !== null && row.endOffset !== null ? row.text.slice(row.startOffset, row.endOffset) : row.text;
    return [{ id: row.id, kind: row.kind, itemId: row.itemId, source: row.source, saidAt: new Date(row.saidAt).toISOString(), attributes: row.attributes ?? {}, text, tags: row.tags ?? [] }];
  });
}
