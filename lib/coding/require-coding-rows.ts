import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { codingReviews, codingTags, highlights } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { codingItemSourceJoins, codingItemText } from "./coding-item-text";

/*
 * Every write names rows by id; each is looked up within the organization, so another tenant's
 * item, tag or highlight answers NOT_FOUND like an unknown one.
 */

export async function requireItemText(db: Db, organizationId: string, itemId: string): Promise<string> {
  const [item] = rowsOf<{ text: string | null }>(await db.execute(sql`select ${codingItemText} as text from coding_items c ${codingItemSourceJoins("c")} where c.id = ${itemId}::uuid and c.organization_id = ${organizationId}::uuid`));
  if (!item) throw new AppError("NOT_FOUND", "notFound");
  return item.text ?? "";
}

export async function requireTags(db: Db, organizationId: string, tagIds: readonly string[]) {
  const unique = [...new Set(tagIds)];
  if (unique.length === 0) return [];
  const rows = await db.select({ id: codingTags.id, name: codingTags.name }).from(codingTags).where(and(eq(codingTags.organizationId, organizationId), inArray(codingTags.id, unique)));
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", "notFound");
  return rows;
}

/** A coder edits only their own highlights, so two coders' work stays apart for agreement. */
export async function requireOwnHighlight(db: Db, organizationId: string, coderUserId: string, highlightId: string) {
  const [row] = await db.select({ id: highlights.id, itemId: highlights.itemId }).from(highlights).where(and(eq(highlights.id, highlightId), eq(highlights.organizationId, organizationId), eq(highlights.coderUserId, coderUserId)));
  if (!row) throw new AppError("NOT_FOUND", "notFound");
  return row;
}

/** Records that this coder has coded the item (idempotent). */
export async function markReviewed(db: Db, organizationId: string, coderUserId: string, itemId: string) {
  await db.insert(codingReviews).values({ itemId, coderUserId, organizationId }).onConflictDoNothing();
}
