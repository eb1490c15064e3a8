import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingTags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { codebookTags } from "./list-tags";
import { assertTagNameFree } from "./create-tag";
import { moveTagSchema, updateTagSchema, type UpdateTagInput } from "./schemas";

/** Renames a tag or edits its description and color; its applications stay. */
export async function updateTag(db: Db, actor: Actor | null, org: OrgRef, input: UpdateTagInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { tagId, name, description, color } = updateTagSchema.parse(input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('coding.codebook'), hashtext(${organization.id}))`);
    await assertTagNameFree(tx, organization.id, name, tagId);
    const [tag] = await tx.update(codingTags).set({ name, description, color }).where(and(eq(codingTags.id, tagId), eq(codingTags.organizationId, organization.id))).returning({ id: codingTags.id });
    if (!tag) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "coding.tag_updated", targetType: "coding_tag", targetId: tag.id });
    return tag;
  });
}

/** Moves a tag one place up or down the codebook; positions are renumbered 0…n−1. */
export async function moveTag(db: Db, actor: Actor | null, org: OrgRef, input: { tagId: string; direction: "up" | "down" }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { tagId, direction } = moveTagSchema.parse(input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('coding.codebook'), hashtext(${organization.id}))`);
    const order = (await codebookTags(tx, organization.id)).map((tag) => tag.id);
    const from = order.indexOf(tagId);
    if (from < 0) throw new AppError("NOT_FOUND", "notFound");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to], order[from]];
    await tx.execute(sql`
      update coding_tags t set position = o.position
      from jsonb_to_recordset(${JSON.stringify(order.map((id, position) => ({ id, position })))}::jsonb) as o(id uuid, position int)
      where t.id = o.id and t.organization_id = ${organization.id}::uuid`);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "coding.tag_moved", targetType: "coding_tag", targetId: tagId, details: { position: to } });
  });
}
