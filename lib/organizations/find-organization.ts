import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";

/**
 * An organization by its slug, for the command line, where an operator with database access acts
 * without a membership. Pages and routes resolve organizations through requirePermission instead.
 */
export async function findOrganizationBySlug(db: Db, slug: string): Promise<OrgContext["organization"]> {
  const [organization] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, defaultLocale: organizations.defaultLocale, minGroupSize: organizations.minGroupSize, minCommentGroupSize: organizations.minCommentGroupSize })
    .from(organizations)
    .where(eq(organizations.slug, slug.trim().toLowerCase()))
    .limit(1);
  if (!organization) throw new AppError("NOT_FOUND", "organizationNotFound", { org: "organizationNotFound" });
  return organization;
}
