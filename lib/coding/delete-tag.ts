import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingTags, highlightTags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { deleteTagSchema } from "./schemas";

/** Deletes a tag with its applications and suggestions; highlights themselves stay. */
export async function deleteTag(db: Db, actor: Actor | null, org: OrgRef, input: { tagId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { tagId } = deleteTagSchema.parse(input);
  return db.transaction(async (tx) => {
    const [{ applications }] = await tx.select({ applications: sql<number>`count(*)::int` }).from(highlightTags).where(and(eq(highlightTags.tagId, tagId), eq(highlightTags.organizationId, organization.id)));
    const [tag] = await tx.delete(codingTags).where(and(eq(codingTags.id, tagId), eq(codingTags.organizationId, organization.id))).returning({ id: codingTags.id });
    if (!tag) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "coding.tag_deleted", targetType: "coding_tag", targetId: tag.id, details: { applications } });
    return { applications };
  });
}
