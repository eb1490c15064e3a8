import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingTags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { createTagSchema, type CreateTagInput } from "./schemas";

/** Tag names are unique per organization regardless of case; a clash is a field error on the name. */
export async function assertTagNameFree(db: Db, organizationId: string, name: string, exceptTagId?: string) {
  const [clash] = await db
    .select({ id: codingTags.id })
    .from(codingTags)
    .where(and(eq(codingTags.organizationId, organizationId), sql`lower(${codingTags.name}) = lower(${name})`, exceptTagId ? ne(codingTags.id, exceptTagId) : undefined))
    .limit(1);
  if (clash) throw new AppError("CONFLICT", "codingTagNameTaken", { name: "codingTagNameTaken" });
}

/** Adds a tag at the end of the codebook. */
export async function createTag(db: Db, actor: Actor | null, org: OrgRef, input: CreateTagInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { name, description, color } = createTagSchema.parse(input);
  return db.transaction(async (tx) => {
    // Serializes codebook edits of one organization: the name check and the next position hold.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('coding.codebook'), hashtext(${organization.id}))`);
    await assertTagNameFree(tx, organization.id, name);
    const [tag] = await tx
      .insert(codingTags)
      .values({ organizationId: organization.id, name, description, color, position: sql`(select coalesce(max(position) + 1, 0) from coding_tags where organization_id = ${organization.id}::uuid)` })
      .returning({ id: codingTags.id, name: codingTags.name });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "coding.tag_created", targetType: "coding_tag", targetId: tag.id });
    return tag;
  });
}
