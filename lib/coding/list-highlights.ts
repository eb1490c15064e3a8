import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { codingItemSourceJoins, codingItemText } from "./coding-item-text";
import type { AppliedTag } from "./list-inbox";
import { decodeCursor, listHighlightsSchema, type ListHighlightsInput } from "./schemas";

export interface HighlightWithText {
  id: string;
  itemId: string;
  /** The highlighted passage, read from the item's source now. */
  text: string;
  tags: AppliedTag[];
  source: "answer" | "live_post" | "field_report" | "interview";
  saidAt: Date;
  /** Segment attributes of whoever said it; never their name. */
  attributes: MemberAttributes;
  createdAt: Date;
}

/**
 * Tagged highlights of the organization, newest first, for picking evidence: filtered by tag, by
 * theme (any tag in it) or by words in the passage's item, with a keyset cursor.
 */
export async function listHighlights(db: Db, actor: Actor | null, org: OrgRef, input: ListHighlightsInput = {}) {
  const { organization } = await requirePermission(db, actor, org, "insights.code");
  const { tagId, themeId, search, cursor, limit } = listHighlightsSchema.parse(input);
  const after = decodeCursor(cursor);
  const conditions = [sql`h.organization_id = ${organization.id}::uuid`, sql`exists (select 1 from highlight_tags x where x.highlight_id = h.id)`];
  if (tagId) conditions.push(sql`exists (select 1 from highlight_tags x where x.highlight_id = h.id and x.tag_id = ${tagId}::uuid)`);
  if (themeId) conditions.push(sql`exists (select 1 from highlight_tags x join coding_tags xt on xt.id = x.tag_id where x.highlight_id = h.id and xt.theme_id = ${themeId}::uuid)`);
  // The passage is cut out in code (UTF-16 offsets); the search looks in the item's whole text.
  if (search) conditions.push(sql`${codingItemText} ilike ${`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (after) conditions.push(sql`(h.created_at, h.id) < (select k.created_at, k.id from highlights k where k.id = ${after}::uuid)`);
  const rows = rowsOf<Omit<HighlightWithText, "saidAt" | "createdAt"> & { fullText: string | null; start: number; end: number; saidAt: string | Date; createdAt: string | Date }>(
    await db.execute(sql`
      select h.id, h.item_id as "itemId", h.start_offset as start, h.end_offset as "end", ${codingItemText} as "fullText", c.source, c.said_at as "saidAt", c.attributes, h.created_at as "createdAt",
        (select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.position, t.name) from highlight_tags ht join coding_tags t on t.id = ht.tag_id where ht.highlight_id = h.id) as tags
      from highlights h join coding_items c on c.id = h.item_id ${codingItemSourceJoins("c")}
      where ${sql.join(conditions, sql` and `)}
      order by h.created_at desc, h.id desc
      limit ${limit + 1}`),
  );
  const highlights: HighlightWithText[] = rows.slice(0, limit).map(({ fullText, start, end, ...row }) => ({ ...row, text: (fullText ?? "").slice(start, end), saidAt: new Date(row.saidAt), createdAt: new Date(row.createdAt) }));
  const last = highlights.at(-1);
  return { highlights, nextCursor: rows.length > limit && last ? last.id : null };
}
