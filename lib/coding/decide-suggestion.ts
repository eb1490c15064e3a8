import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingItems, highlights, highlightTags, tagSuggestions } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { markReviewed, requireItemText } from "./require-coding-rows";
import { decideSentimentSchema, decideSuggestionSchema } from "./schemas";

/**
 * A person accepts or dismisses a suggested tag. Accepting makes it their own coding: a highlight
 * over the whole text with that tag. Dismissed suggestions stay stored, so they are never made again.
 */
export async function decideSuggestion(db: Db, actor: Actor | null, org: OrgRef, input: { suggestionId: string; decision: "accept" | "dismiss" }, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { suggestionId, decision } = decideSuggestionSchema.parse(input);
  return db.transaction(async (tx) => {
    const [suggestion] = await tx
      .select({ id: tagSuggestions.id, itemId: tagSuggestions.itemId, tagId: tagSuggestions.tagId, status: tagSuggestions.status })
      .from(tagSuggestions)
      .where(and(eq(tagSuggestions.id, suggestionId), eq(tagSuggestions.organizationId, organization.id)))
      .for("update");
    if (!suggestion) throw new AppError("NOT_FOUND", "notFound");
    if (suggestion.status !== "open") throw new AppError("CONFLICT", "codingSuggestionDecided");
    if (decision === "accept") {
      const text = await requireItemText(tx, organization.id, suggestion.itemId);
      const [whole] = await tx.select({ id: highlights.id }).from(highlights).where(and(eq(highlights.itemId, suggestion.itemId), eq(highlights.coderUserId, userId), eq(highlights.startOffset, 0), eq(highlights.endOffset, text.length))).limit(1);
      const highlight = whole ?? (await tx.insert(highlights).values({ organizationId: organization.id, itemId: suggestion.itemId, coderUserId: userId, startOffset: 0, endOffset: text.length }).returning({ id: highlights.id }))[0];
      await tx.insert(highlightTags).values({ highlightId: highlight.id, tagId: suggestion.tagId, organizationId: organization.id }).onConflictDoNothing();
      await markReviewed(tx, organization.id, userId, suggestion.itemId);
    }
    await tx.update(tagSuggestions).set({ status: decision === "accept" ? "accepted" : "dismissed", decidedByUserId: userId, decidedAt: now }).where(eq(tagSuggestions.id, suggestion.id));
    return { itemId: suggestion.itemId, status: decision === "accept" ? "accepted" : "dismissed" };
  });
}

/** A person accepts or dismisses the machine's sentiment reading of an item. */
export async function decideSentiment(db: Db, actor: Actor | null, org: OrgRef, input: { itemId: string; decision: "accept" | "dismiss" }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { itemId, decision } = decideSentimentSchema.parse(input);
  const updated = await db
    .update(codingItems)
    .set({ sentimentStatus: decision === "accept" ? "accepted" : "dismissed", sentimentDecidedByUserId: userId })
    .where(and(eq(codingItems.id, itemId), eq(codingItems.organizationId, organization.id), eq(codingItems.sentimentStatus, "open")))
    .returning({ id: codingItems.id });
  if (updated.length === 0) throw new AppError("NOT_FOUND", "notFound");
}
