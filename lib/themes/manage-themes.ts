import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingTags, codingThemes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { themeFieldsSchema, themeTagSchema, updateThemeSchema, type ThemeFieldsInput, type ThemeTagInput, type UpdateThemeInput } from "./schemas";

/*
 * Themes group the codebook's tags. Creating, renaming, describing and deleting one, and moving
 * tags in and out of it, are each one audited transaction. Deleting a theme keeps its tags: they
 * are only ungrouped (coding_tags.theme_id is set null by the foreign key).
 */

const NAME_TAKEN = new AppError("CONFLICT", "themeNameTaken", { name: "themeNameTaken" });

/** Names are unique per organization regardless of case; the unique index is the last word on a race. */
async function assertNameFree(tx: Db, organizationId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: codingThemes.id })
    .from(codingThemes)
    .where(and(eq(codingThemes.organizationId, organizationId), sql`lower(${codingThemes.name}) = lower(${name})`, exceptId ? ne(codingThemes.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw NAME_TAKEN;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "23505";
}

export async function createTheme(db: Db, actor: Actor | null, orgId: string, input: ThemeFieldsInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const fields = themeFieldsSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await assertNameFree(tx, organization.id, fields.name);
      const [theme] = await tx.insert(codingThemes).values({ organizationId: organization.id, ...fields }).returning({ id: codingThemes.id, name: codingThemes.name });
      await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "theme.created", targetType: "coding_theme", targetId: theme.id });
      return theme;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? NAME_TAKEN : error;
  }
}

/** Renames and/or describes a theme. */
export async function updateTheme(db: Db, actor: Actor | null, orgId: string, input: UpdateThemeInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const { themeId, ...fields } = updateThemeSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await assertNameFree(tx, organization.id, fields.name, themeId);
      const [theme] = await tx
        .update(codingThemes)
        .set(fields)
        .where(and(eq(codingThemes.id, themeId), eq(codingThemes.organizationId, organization.id)))
        .returning({ id: codingThemes.id, name: codingThemes.name });
      if (!theme) throw new AppError("NOT_FOUND", "notFound");
      await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "theme.updated", targetType: "coding_theme", targetId: theme.id });
      return theme;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? NAME_TAKEN : error;
  }
}

/** Deletes a theme; its tags stay in the codebook, ungrouped. */
export async function deleteTheme(db: Db, actor: Actor | null, orgId: string, themeId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  if (!isUuid(themeId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(codingThemes).where(and(eq(codingThemes.id, themeId), eq(codingThemes.organizationId, organization.id))).returning({ id: codingThemes.id });
    if (deleted.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "theme.deleted", targetType: "coding_theme", targetId: themeId });
  });
}

/** Puts a tag of the codebook in a theme (moving it out of any other: a tag belongs to one theme). */
export async function assignTagToTheme(db: Db, actor: Actor | null, orgId: string, input: ThemeTagInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const { themeId, tagId } = themeTagSchema.parse(input);
  await db.transaction(async (tx) => {
    const [theme] = await tx.select({ id: codingThemes.id }).from(codingThemes).where(and(eq(codingThemes.id, themeId), eq(codingThemes.organizationId, organization.id)));
    if (!theme) throw new AppError("NOT_FOUND", "notFound");
    const moved = await tx
      .update(codingTags)
      .set({ themeId })
      .where(and(eq(codingTags.id, tagId), eq(codingTags.organizationId, organization.id)))
      .returning({ id: codingTags.id });
    if (moved.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "theme.tag_assigned", targetType: "coding_theme", targetId: themeId, details: { tagId } });
  });
}

/** Takes a tag out of a theme; the tag stays in the codebook. */
export async function removeTagFromTheme(db: Db, actor: Actor | null, orgId: string, input: ThemeTagInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const { themeId, tagId } = themeTagSchema.parse(input);
  await db.transaction(async (tx) => {
    const removed = await tx
      .update(codingTags)
      .set({ themeId: null })
      .where(and(eq(codingTags.id, tagId), eq(codingTags.themeId, themeId), eq(codingTags.organizationId, organization.id)))
      .returning({ id: codingTags.id });
    if (removed.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "theme.tag_removed", targetType: "coding_theme", targetId: themeId, details: { tagId } });
  });
}
