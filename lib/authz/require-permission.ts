import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { can, type Permission } from "./policy";
import type { Locale } from "@/lib/i18n/locales";
import type { Role } from "./roles";

/** An organization addressed by id (domain calls) or by slug (URLs). */
export type OrgRef = { id: string } | { slug: string };

/** Who is acting: a signed-in user (API keys will add another kind). */
export interface Actor {
  userId: string;
}

export interface OrgContext {
  organization: { id: string; slug: string; name: string; defaultLocale: Locale; minGroupSize: number; minCommentGroupSize: number };
  role: Role;
  membershipId: string;
}

/**
 * Resolves the actor's membership in an organization (by id or slug) and checks a permission.
 * A non-member gets NOT_FOUND, never FORBIDDEN: another tenant's existence is not disclosed.
 */
export async function requirePermission(
  db: Db,
  actor: Actor | null,
  org: OrgRef,
  permission: Permission,
): Promise<OrgContext> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  // A malformed id cannot match any organization; answer like any other unknown one.
  if ("id" in org && !isUuid(org.id)) throw new AppError("NOT_FOUND", "notFound");
  const orgMatch = "id" in org ? eq(organizations.id, org.id) : eq(organizations.slug, org.slug);
  const [row] = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      defaultLocale: organizations.defaultLocale,
      minGroupSize: organizations.minGroupSize,
      minCommentGroupSize: organizations.minCommentGroupSize,
      role: memberships.role,
      membershipId: memberships.id,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(orgMatch, eq(memberships.userId, actor.userId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "notFound");
  if (!can(row.role, permission)) throw new AppError("FORBIDDEN", "forbidden");
  const { role, membershipId, ...organization } = row;
  return { organization, role, membershipId };
}
