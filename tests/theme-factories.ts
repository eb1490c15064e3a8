import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { codingItems, codingTags, fieldReports, highlights, highlightTags } from "@/db/schema";
import { syncCodingItems } from "@/lib/coding/sync-coding-items";
import { createStaff } from "./frontline-factories";

/** A codebook tag (the codebook's own use cases belong to another domain; tests write it directly). */
export async function createTag(db: Db, organizationId: string, name = `tag-${randomUUID().slice(0, 6)}`, themeId: string | null = null) {
  const [tag] = await db.insert(codingTags).values({ organizationId, name, themeId }).returning({ id: codingTags.id, name: codingTags.name });
  return tag;
}

/** A coder's highlight of [start, end) in an item, carrying the tags. */
export async function addHighlight(db: Db, organizationId: string, itemId: string, coderUserId: string, tagIds: readonly string[], { start = 0, end = 12, createdAt = new Date() } = {}) {
  const [highlight] = await db.insert(highlights).values({ organizationId, itemId, coderUserId, startOffset: start, endOffset: end, createdAt }).returning({ id: highlights.id });
  if (tagIds.length) await db.insert(highlightTags).values(tagIds.map((tagId) => ({ highlightId: highlight.id, tagId, organizationId })));
  return highlight;
}

/** Field reports by new frontline staff, one per team given, brought into the inbox; returns their items. */
export async function addFieldReports(db: Db, organizationId: string, teams: readonly string[], body = "The queue at the fitting rooms is long again today.") {
  const ids: string[] = [];
  for (const team of teams) {
    const staff = await createStaff(db, organizationId, { team });
    const [report] = await db.insert(fieldReports).values({ organizationId, authorUserId: staff.userId, kind: "pain_point", body, team }).returning({ id: fieldReports.id });
    ids.push(report.id);
  }
  await syncCodingItems(db, organizationId);
  const items = await Promise.all(ids.map(async (id) => (await db.select().from(codingItems).where(eq(codingItems.fieldReportId, id)))[0]));
  return items;
}
