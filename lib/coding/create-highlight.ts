import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { highlights, highlightTags } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { markReviewed, requireItemText, requireTags } from "./require-coding-rows";
import { createHighlightSchema, type CreateHighlightInput } from "./schemas";

/**
 * Highlights [start, end) of an item's text (UTF-16 offsets, as a browser selection counts them)
 * and applies tags to it. The same coder selecting the same passage again adds tags to the
 * highlight they already have. Coding anything marks the item coded by this coder.
 */
export async function createHighlight(db: Db, actor: Actor | null, org: OrgRef, input: CreateHighlightInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { itemId, start, end, tagIds } = createHighlightSchema.parse(input);
  return db.transaction(async (tx) => {
    const text = await requireItemText(tx, organization.id, itemId);
    if (end > text.length) throw new AppError("INVALID", "codingOffsetInvalid", { end: "codingOffsetInvalid" });
    await requireTags(tx, organization.id, tagIds);
    const [existing] = await tx
      .select({ id: highlights.id })
      .from(highlights)
      .where(and(eq(highlights.itemId, itemId), eq(highlights.coderUserId, userId), eq(highlights.startOffset, start), eq(highlights.endOffset, end)))
      .limit(1);
    const highlight = existing ?? (await tx.insert(highlights).values({ organizationId: organization.id, itemId, coderUserId: userId, startOffset: start, endOffset: end }).returning({ id: highlights.id }))[0];
    if (tagIds.length > 0) await tx.insert(highlightTags).values([...new Set(tagIds)].map((tagId) => ({ highlightId: highlight.id, tagId, organizationId: organization.id }))).onConflictDoNothing();
    await markReviewed(tx, organization.id, userId, itemId);
    return { id: highlight.id, itemId, start, end };
  });
}
