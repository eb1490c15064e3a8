import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingTags, codingThemes } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

export interface ThemeTag {
  id: string;
  name: string;
  color: string;
}

export interface ThemeSummary {
  id: string;
  name: string;
  description: string;
  tags: ThemeTag[];
  /** Distinct coding items with a highlight tagged with any of the theme's tags. */
  items: number;
}

export interface ThemeList {
  themes: ThemeSummary[];
  /** Tags of the codebook in no theme, to assign. */
  ungroupedTags: ThemeTag[];
  /** Tags in the codebook at all: none means the codebook must be filled first. */
  tagCount: number;
}

/** The organization's codebook tags, each with the theme it belongs to (if any). */
export async function readTags(db: Db, organizationId: string) {
  return db
    .select({ id: codingTags.id, name: codingTags.name, color: codingTags.color, themeId: codingTags.themeId })
    .from(codingTags)
    .where(eq(codingTags.organizationId, organizationId))
    .orderBy(asc(codingTags.position), asc(codingTags.name));
}

/** Per theme of the organization, how many distinct items its tags were applied to. */
async function themeSizes(db: Db, organizationId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ theme_id: string; items: number }>(
    await db.execute(sql`
      select t.theme_id, count(distinct h.item_id)::int as items
      from coding_tags t
      join highlight_tags ht on ht.tag_id = t.id
      join highlights h on h.id = ht.highlight_id
      where t.organization_id = ${organizationId}::uuid and t.theme_id is not null and h.organization_id = ${organizationId}::uuid
      group by t.theme_id`),
  );
  return new Map(rows.map((row) => [row.theme_id, Number(row.items)]));
}

/** Every theme with its tags and size, plus the tags not in any theme. */
export async function listThemes(db: Db, actor: Actor | null, orgId: string): Promise<ThemeList> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const [themes, tags, sizes] = await Promise.all([
    db
      .select({ id: codingThemes.id, name: codingThemes.name, description: codingThemes.description })
      .from(codingThemes)
      .where(and(eq(codingThemes.organizationId, organization.id)))
      .orderBy(sql`lower(${codingThemes.name})`),
    readTags(db, organization.id),
    themeSizes(db, organization.id),
  ]);
  const tag = ({ id, name, color }: ThemeTag) => ({ id, name, color });
  return {
    themes: themes.map((theme) => ({ ...theme, tags: tags.filter((t) => t.themeId === theme.id).map(tag), items: sizes.get(theme.id) ?? 0 })),
    ungroupedTags: tags.filter((t) => t.themeId === null).map(tag),
    tagCount: tags.length,
  };
}
