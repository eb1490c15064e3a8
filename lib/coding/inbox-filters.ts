import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { codingItemText } from "./coding-item-text";
import type { InboxFilters } from "./schemas";

/** WHERE conditions on `coding_items c` (with `codingItemSourceJoins("c")`) for the inbox filters; "not yet coded" is per coder. */
export function inboxConditions(organizationId: string, coderUserId: string, filters: InboxFilters): SQL {
  const conditions: SQL[] = [sql`c.organization_id = ${organizationId}::uuid`];
  if (filters.program) conditions.push(sql`c.program_id = ${filters.program}::uuid`);
  if (filters.from) conditions.push(sql`c.said_at >= ${`${filters.from}-01`}::date`);
  if (filters.to) conditions.push(sql`c.said_at < (${`${filters.to}-01`}::date + interval '1 month')`);
  if (filters.segment) {
    const [attribute, ...rest] = filters.segment.split("=");
    conditions.push(sql`c.attributes ->> ${attribute} = ${rest.join("=")}`);
  }
  if (filters.language) conditions.push(sql`c.language = ${filters.language}`);
  if (filters.sentiment) conditions.push(sql`c.sentiment = ${filters.sentiment}::sentiment`);
  if (filters.source) conditions.push(sql`c.source = ${filters.source}::coding_source`);
  if (filters.tag) {
    conditions.push(sql`exists (select 1 from highlights h join highlight_tags ht on ht.highlight_id = h.id where h.item_id = c.id and ht.tag_id = ${filters.tag}::uuid)`);
  }
  if (filters.q) conditions.push(sql`${codingItemText} ilike ${`%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filters.uncoded) conditions.push(sql`not exists (select 1 from coding_reviews r where r.item_id = c.id and r.coder_user_id = ${coderUserId})`);
  return sql.join(conditions, sql` and `);
}
