import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { codingItemSourceJoins, codingItemText } from "./coding-item-text";
import { inboxConditions } from "./inbox-filters";
import { decodeCursor, INBOX_PAGE_SIZE, inboxFiltersSchema, inboxQuerySchema, type InboxFilters, type InboxQuery } from "./schemas";

export interface AppliedTag {
  id: string;
  name: string;
  color: string;
}

export interface InboxItem {
  id: string;
  source: "answer" | "live_post" | "field_report" | "interview";
  text: string;
  programName: string | null;
  saidAt: Date;
  /** Segment attributes only: who said it is never read here. */
  attributes: MemberAttributes;
  language: string | null;
  sentiment: "positive" | "neutral" | "negative" | null;
  sentimentStatus: "open" | "accepted" | "dismissed" | null;
  tags: AppliedTag[];
  isCodedByMe: boolean;
}

/** One page of the organization's coding inbox, newest first, with a cursor to the next page. */
export async function listInbox(db: Db, actor: Actor | null, org: OrgRef, query: InboxQuery, pageSize = INBOX_PAGE_SIZE) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { cursor, ...filters } = inboxQuerySchema.parse(query);
  const after = decodeCursor(cursor);
  const keyset = after ? sql`and (c.said_at, c.id) < (select k.said_at, k.id from coding_items k where k.id = ${after}::uuid)` : sql``;
  const rows = rowsOf<Omit<InboxItem, "saidAt"> & { saidAt: string | Date }>(
    await db.execute(sql`
      select c.id, c.source, ${codingItemText} as text, p.name as "programName", c.said_at as "saidAt", c.attributes,
        c.language, c.sentiment, c.sentiment_status as "sentimentStatus",
        coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.position, t.name)
          from coding_tags t where t.id in (select ht.tag_id from highlights h join highlight_tags ht on ht.highlight_id = h.id where h.item_id = c.id)), '[]'::json) as tags,
        exists (select 1 from coding_reviews r where r.item_id = c.id and r.coder_user_id = ${userId}) as "isCodedByMe"
      from coding_items c ${codingItemSourceJoins("c")}
      left join programs p on p.id = c.program_id
      where ${inboxConditions(organization.id, userId, filters)} ${keyset}
      order by c.said_at desc, c.id desc
      limit ${pageSize + 1}`),
  );
  const items = rows.slice(0, pageSize).map((row) => ({ ...row, text: row.text ?? "", saidAt: new Date(row.saidAt) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > pageSize && last ? last.id : null };
}

/** The items before and after one item in the filtered inbox order, for j/k. */
export async function inboxNeighbours(db: Db, organizationId: string, coderUserId: string, filters: InboxFilters, itemId: string) {
  const where = inboxConditions(organizationId, coderUserId, inboxFiltersSchema.parse(filters));
  const here = sql`(select k.said_at, k.id from coding_items k where k.id = ${itemId}::uuid)`;
  const [next] = rowsOf<{ id: string }>(await db.execute(sql`select c.id from coding_items c ${codingItemSourceJoins("c")} where ${where} and (c.said_at, c.id) < ${here} order by c.said_at desc, c.id desc limit 1`));
  const [previous] = rowsOf<{ id: string }>(await db.execute(sql`select c.id from coding_items c ${codingItemSourceJoins("c")} where ${where} and (c.said_at, c.id) > ${here} order by c.said_at asc, c.id asc limit 1`));
  return { nextId: next?.id ?? null, previousId: previous?.id ?? null };
}

/** Programs, languages and segment values present in the inbox, for the filter form. */
export async function inboxFilterOptions(db: Db, organizationId: string) {
  const programs = rowsOf<{ id: string; name: string }>(await db.execute(sql`select p.id, p.name from programs p where p.organization_id = ${organizationId}::uuid and exists (select 1 from coding_items c where c.program_id = p.id) order by p.name`));
  const languages = rowsOf<{ language: string }>(await db.execute(sql`select distinct language from coding_items where organization_id = ${organizationId}::uuid and language is not null order by language`)).map((row) => row.language);
  const segments = rowsOf<{ segment: string }>(
    await db.execute(sql`select distinct kv.key || '=' || kv.value as segment from coding_items c, jsonb_each_text(c.attributes) kv where c.organization_id = ${organizationId}::uuid order by 1 limit 200`),
  ).map((row) => row.segment);
  return { programs, languages, segments };
}
