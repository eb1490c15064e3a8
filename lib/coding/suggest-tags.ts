import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { codingItemSourceJoins, codingItemText } from "./coding-item-text";
import { similarTags } from "./similarity";

/** How many recently tagged passages an item is compared with: enough to learn from, bounded per page load. */
export const SUGGESTION_PASSAGES = 2000;
export const SUGGESTION_THRESHOLD = 0.2;

/**
 * Suggests tags for an item from similar passages already tagged in the organization and stores
 * them as open suggestions. A tag suggested before (open, accepted or dismissed) is never
 * suggested again, and a tag already applied to the item is not suggested.
 */
export async function suggestTags(db: Db, organizationId: string, itemId: string, { threshold = SUGGESTION_THRESHOLD } = {}): Promise<number> {
  const [item] = rowsOf<{ text: string | null }>(await db.execute(sql`select ${codingItemText} as text from coding_items c ${codingItemSourceJoins("c")} where c.id = ${itemId}::uuid and c.organization_id = ${organizationId}::uuid`));
  if (!item?.text) return 0;
  const tagged = rowsOf<{ text: string | null; start: number; end: number; tagIds: string[] }>(
    await db.execute(sql`
      select ${codingItemText} as text, h.start_offset as start, h.end_offset as "end", array_agg(ht.tag_id::text) as "tagIds"
      from (select h.* from highlights h where h.organization_id = ${organizationId}::uuid and h.item_id <> ${itemId}::uuid
              and exists (select 1 from highlight_tags ht where ht.highlight_id = h.id)
            order by h.created_at desc limit ${SUGGESTION_PASSAGES}) h
      join highlight_tags ht on ht.highlight_id = h.id
      join coding_items c on c.id = h.item_id ${codingItemSourceJoins("c")}
      group by h.id, h.start_offset, h.end_offset, c.id, src_answer.text_value, src_post.body, src_report.body, src_note.body`),
  );
  const passages = tagged.filter((row) => row.text).map((row) => ({ text: row.text!.slice(row.start, row.end), tagIds: row.tagIds }));
  const scores = similarTags(item.text, passages, { threshold });
  if (scores.length === 0) return 0;
  const inserted = await db.execute(sql`
    insert into tag_suggestions (organization_id, item_id, tag_id, score)
    select ${organizationId}::uuid, ${itemId}::uuid, s.tag_id, s.score
    from jsonb_to_recordset(${JSON.stringify(scores.map((s) => ({ tag_id: s.tagId, score: s.score })))}::jsonb) as s(tag_id uuid, score real)
    where not exists (select 1 from highlights h join highlight_tags ht on ht.highlight_id = h.id where h.item_id = ${itemId}::uuid and ht.tag_id = s.tag_id)
    on conflict (item_id, tag_id) do nothing
    returning id`);
  return rowsOf(inserted).length;
}
