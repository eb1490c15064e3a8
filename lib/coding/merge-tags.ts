import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { codingTags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { mergeTagsSchema } from "./schemas";

/**
 * Merges one tag into another: every highlight that carried the source carries the target, its
 * suggestions move to the target unless the item already has one for it, and the source goes.
 * A highlight that carried both keeps one application.
 */
export async function mergeTags(db: Db, actor: Actor | null, org: OrgRef, input: { sourceTagId: string; targetTagId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { sourceTagId, targetTagId } = mergeTagsSchema.parse(input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('coding.codebook'), hashtext(${organization.id}))`);
    const found = await tx.select({ id: codingTags.id }).from(codingTags).where(and(eq(codingTags.organizationId, organization.id), inArray(codingTags.id, [sourceTagId, targetTagId])));
    if (found.length !== 2) throw new AppError("NOT_FOUND", "notFound");
    await tx.execute(sql`
      insert into highlight_tags (highlight_id, tag_id, organization_id, created_at)
      select highlight_id, ${targetTagId}::uuid, organization_id, created_at from highlight_tags where tag_id = ${sourceTagId}::uuid
      on conflict (highlight_id, tag_id) do nothing`);
    await tx.execute(sql`
      update tag_suggestions s set tag_id = ${targetTagId}::uuid
      where s.tag_id = ${sourceTagId}::uuid and not exists (select 1 from tag_suggestions o where o.item_id = s.item_id and o.tag_id = ${targetTagId}::uuid)`);
    const [{ moved }] = rowsOf<{ moved: number }>(await tx.execute(sql`select count(*)::int as moved from highlight_tags where tag_id = ${sourceTagId}::uuid`));
    await tx.delete(codingTags).where(eq(codingTags.id, sourceTagId));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "coding.tags_merged", targetType: "coding_tag", targetId: targetTagId, details: { sourceTagId, applications: moved } });
    return { applications: moved };
  });
}
