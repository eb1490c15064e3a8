import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

export interface CodebookTag {
  id: string;
  name: string;
  description: string;
  color: string;
  position: number;
  themeName: string | null;
  /** How many highlights carry the tag. */
  applications: number;
}

/** The codebook in order: the first nine tags get the number keys. */
export async function codebookTags(db: Db, organizationId: string): Promise<CodebookTag[]> {
  return rowsOf<CodebookTag>(
    await db.execute(sql`
      select t.id, t.name, t.description, t.color, t.position, th.name as "themeName",
        (select count(*)::int from highlight_tags ht where ht.tag_id = t.id) as applications
      from coding_tags t left join coding_themes th on th.id = t.theme_id
      where t.organization_id = ${organizationId}::uuid
      order by t.position, t.created_at, t.id`),
  );
}

export async function listTags(db: Db, actor: Actor | null, org: OrgRef) {
  const { organization } = await requirePermission(db, actor, org, "insights.code");
  return codebookTags(db, organization.id);
}
