import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { codingItemSourceJoins, codingItemText } from "@/lib/coding/coding-item-text";
import { listHighlights } from "@/lib/coding/list-highlights";
import { uuidList } from "@/db/sql-lists";
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

/** Which of these items' words may be shown with an insight (consent to quote, where the program asks for it). */
async function quotableItemIds(db: Db, organizationId: string, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select c.id from coding_items c ${itemProgramJoin} where c.organization_id = ${organizationId}::uuid and c.id = any(${uuidList(itemIds)}) and ${isItemQuotable}`),
  );
  return new Set(rows.map((row) => row.id));
}

/** The coding domain's highlights (newest first, by words or tag) for the evidence picker, each marked quotable or not. */
export async function listCitableHighlights(db: Db, actor: Actor | null, orgId: string, rawInput: SearchEvidenceInput = {}) {
  const { search, tagId, limit } = searchEvidenceSchema.parse(rawInput);
  const { highlights } = await listHighlights(db, actor, { id: orgId }, { search: search || undefined, tagId, limit });
  const quotable = await quotableItemIds(db, orgId, [...new Set(highlights.map((highlight) => highlight.itemId))]);
  return highlights.map((highlight) => ({
    id: highlight.id,
    itemId: highlight.itemId,
    source: highlight.source,
    saidAt: highlight.saidAt.toISOString(),
    attributes: highlight.attributes,
    text: highlight.text,
    quotable: quotable.has(highlight.itemId),
    tags: highlight.tags,
  }));
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
