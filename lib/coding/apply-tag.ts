import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { highlightTags } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { markReviewed, requireOwnHighlight, requireTags } from "./require-coding-rows";
import { highlightTagSchema } from "./schemas";

/** Applies one more tag to one of the coder's highlights (idempotent). */
export async function applyTag(db: Db, actor: Actor | null, org: OrgRef, input: { highlightId: string; tagId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { highlightId, tagId } = highlightTagSchema.parse(input);
  return db.transaction(async (tx) => {
    const highlight = await requireOwnHighlight(tx, organization.id, userId, highlightId);
    await requireTags(tx, organization.id, [tagId]);
    await tx.insert(highlightTags).values({ highlightId, tagId, organizationId: organization.id }).onConflictDoNothing();
    await markReviewed(tx, organization.id, userId, highlight.itemId);
  });
}

/** Takes one tag off one of the coder's highlights; the highlight stays. */
export async function removeTag(db: Db, actor: Actor | null, org: OrgRef, input: { highlightId: string; tagId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { highlightId, tagId } = highlightTagSchema.parse(input);
  await requireOwnHighlight(db, organization.id, userId, highlightId);
  await db.delete(highlightTags).where(and(eq(highlightTags.highlightId, highlightId), eq(highlightTags.tagId, tagId), eq(highlightTags.organizationId, organization.id)));
}
