import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { codingItemSourceJoins, codingItemText } from "@/lib/coding/coding-item-text";
import { isItemQuotable, itemProgramJoin } from "./read-insight-passages";
import { searchEvidenceSchema, type SearchEvidenceInput } from "./schemas";

type Timestamp = Date | string;
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export interface CitableItem {
  id: string;
  source: "answer" | "live_post" | "field_report" | "interview";
  saidAt: string;
  attributes: MemberAttributes;
  text: string;
  /** Whether the words may be shown with the insight; unquotable evidence still counts, its text is withheld. */
  quotable: boolean;
}

/**
 * A minimal reader of the organization's highlights for the insight evidence picker: newest first,
 * by passage text or tag, with the passage, its tags and the item's segment. Stands in for the
 * coding domain's `listHighlights` until it exists; keep it small so it can be swapped.
 */
export async function listCitableHighlights(db: Db, actor: Actor | null, orgId: string, rawInput: SearchEvidenceInput = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const { search, tagId, limit } = searchEvidenceSchema.parse(rawInput);
  const passage = sql`substr(${codingItemText}, h.start_offset + 1, h.end_offset - h.start_offset)`;
  const rows = rowsOf<Omit<CitableItem, "saidAt" | "text"> & { itemId: string; saidAt: Timestamp; text: string; startOffset: number; endOffset: number; tags: Array<{ id: string; name: string; color: string }> }>(
    await db.execute(sql`
      select h.id, c.id as "itemId", c.source, c.said_at as "saidAt", c.attributes, ${codingItemText} as text, h.start_offset as "startOffset", h.end_offset as "endOffset",
        ${isItemQuotable} as quotable,
        (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.position, t.name), '[]'::json)
           from highlight_tags ht join coding_tags t on t.id = ht.tag_id where ht.highlight_id = h.id) as tags
      from highlights h
      join coding_items c on c.id = h.item_id and c.organization_id = h.organization_id
      ${codingItemSourceJoins("c")}
      ${itemProgramJoin}
      where h.organization_id = ${organization.id}::uuid
        ${search ? sql`and (${passage} ilike ${likePattern(search)} or exists (select 1 from highlight_tags ht join coding_tags t on t.id = ht.tag_id where ht.highlight_id = h.id and t.name ilike ${likePattern(search)}))` : sql``}
        ${tagId ? sql`and exists (select 1 from highlight_tags ht where ht.highlight_id = h.id and ht.tag_id = ${tagId}::uuid)` : sql``}
      order by h.created_at desc, h.id
      limit ${limit}`),
  );
  return rows.map((row) => ({ id: row.id, itemId: row.itemId, source: row.source, saidAt: new Date(row.saidAt).toISOString(), attributes: row.attributes, text: (row.text ?? "").slice(row.startOffset, row.endOffset), quotable: Boolean(row.quotable), tags: row.tags }));
}

/** The organization's coding items whose text holds the search, newest first, to quote whole. */
export async function listCitableItems(db: Db, actor: Actor | null, orgId: string, rawInput: SearchEvidenceInput = {}): Promise<CitableItem[]> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const { search, limit } = searchEvidenceSchema.parse(rawInput);
  const rows = rowsOf<Omit<CitableItem, "saidAt"> & { saidAt: Timestamp }>(
    await db.execute(sql`
      select c.id, c.source, c.said_at as "saidAt", c.attributes, ${codingItemText} as text, ${isItemQuotable} as quotable
      from coding_items c
      ${codingItemSourceJoins("c")}
      ${itemProgramJoin}
      where c.organization_id = ${organization.id}::uuid and ${codingItemText} is not null
        ${search ? sql`and ${codingItemText} ilike ${likePattern(search)}` : sql``}
      order by c.said_at desc, c.id
      limit ${limit}`),
  );
  return rows.map((row) => ({ ...row, saidAt: new Date(row.saidAt).toISOString(), quotable: Boolean(row.quotable) }));
}

/** The codebook's tags, to narrow the highlight search. */
export async function listTagChoices(db: Db, organizationId: string) {
  return rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from coding_tags where organization_id = ${organizationId}::uuid order by position, lower(name) limit 200`));
}
