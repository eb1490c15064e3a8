import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { codingItemSourceJoins, codingItemText } from "./coding-item-text";
import { inboxNeighbours, type AppliedTag } from "./list-inbox";
import { inboxFiltersSchema, type InboxFilters } from "./schemas";
import { suggestTags } from "./suggest-tags";

export interface ItemHighlight {
  id: string;
  start: number;
  end: number;
  isMine: boolean;
  tags: AppliedTag[];
}

export interface TagSuggestion {
  id: string;
  tag: AppliedTag;
  score: number;
}

/** Reads an item for one coder (source text, highlights, open suggestions) and where j/k lead. */
export async function getCodingItem(db: Db, actor: Actor | null, org: OrgRef, itemId: string, filters: InboxFilters = {}) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  if (!isUuid(itemId)) throw new AppError("NOT_FOUND", "notFound");
  const [item] = rowsOf<{
    id: string; source: "answer" | "live_post" | "field_report" | "interview"; text: string | null; programName: string | null; saidAt: string | Date; attributes: MemberAttributes;
    language: string | null; sentiment: "positive" | "neutral" | "negative" | null; sentimentScore: number | null; sentimentStatus: "open" | "accepted" | "dismissed" | null; keyPhrases: string[]; isCodedByMe: boolean;
  }>(
    await db.execute(sql`
      select c.id, c.source, ${codingItemText} as text, p.name as "programName", c.said_at as "saidAt", c.attributes, c.language, c.sentiment,
        c.sentiment_score as "sentimentScore", c.sentiment_status as "sentimentStatus", c.key_phrases as "keyPhrases",
        exists (select 1 from coding_reviews r where r.item_id = c.id and r.coder_user_id = ${userId}) as "isCodedByMe"
      from coding_items c ${codingItemSourceJoins("c")} left join programs p on p.id = c.program_id
      where c.id = ${itemId}::uuid and c.organization_id = ${organization.id}::uuid`),
  );
  if (!item) throw new AppError("NOT_FOUND", "notFound");
  await suggestTags(db, organization.id, item.id);
  const highlights = rowsOf<ItemHighlight & { coderUserId: string | null }>(
    await db.execute(sql`
      select h.id, h.start_offset as start, h.end_offset as "end", h.coder_user_id = ${userId} as "isMine",
        coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.position, t.name) filter (where t.id is not null), '[]'::json) as tags
      from highlights h left join highlight_tags ht on ht.highlight_id = h.id left join coding_tags t on t.id = ht.tag_id
      where h.item_id = ${item.id}::uuid
      group by h.id order by h.start_offset, h.end_offset, h.created_at`),
  );
  const suggestions = rowsOf<{ id: string; score: number; tagId: string; name: string; color: string }>(
    await db.execute(sql`
      select s.id, s.score, t.id as "tagId", t.name, t.color from tag_suggestions s join coding_tags t on t.id = s.tag_id
      where s.item_id = ${item.id}::uuid and s.status = 'open' order by s.score desc, t.name`),
  ).map(({ id, score, tagId, name, color }) => ({ id, score, tag: { id: tagId, name, color } }));
  const saidAt = new Date(item.saidAt);
  const neighbours = await inboxNeighbours(db, organization.id, userId, inboxFiltersSchema.parse(filters), item.id);
  return { organization, item: { ...item, text: item.text ?? "", saidAt }, highlights: highlights.map((h) => ({ ...h, isMine: Boolean(h.isMine) })), suggestions, ...neighbours };
}
