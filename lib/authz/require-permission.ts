import "server-only";
import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, sessions, type MemberAttributes } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { apiKeyCan, can, type Permission } from "./policy";
import type { Locale } from "@/lib/i18n/locales";
import type { Role } from "./roles";

/** An organization addressed by id (domain calls) or by slug (URLs). */
export type OrgRef = { id: string } | { slug: string };

/** Who is acting: a signed-in user, or an API key (which is also recorded under a user row of its own). */
export interface Actor {
  userId: string;
}

/** A request authenticated by an API key: it acts in the key's organization, within its scopes. */
export interface ApiKeyActor extends Actor {
  apiKeyId: string;
  organizationId: string;
  scopes: string[];
}

function isApiKeyActor(actor: Actor | SessionActor): actor is ApiKeyActor {
  return "apiKeyId" in actor;
}

/**
 * A signed-in user known only by their session cookie, on the lean capture path: the session is
 * checked in the same query as the membership, saving a round trip per submission.
 */
export interface SessionActor {
  sessionToken: string;
}

export interface OrgContext {
  organization: { id: string; slug: string; name: string; defaultLocale: Locale; minGroupSize: number; minCommentGroupSize: number };
  role: Role;
  membershipId: string;
  /** The member's segment attributes (region, language, team…), snapshotted onto their responses. */
  attributes: MemberAttributes;
  userId: string;
}

/**
 * Resolves the actor's membership in an organization (by id or slug) and checks a permission.
 * A non-member gets NOT_FOUND, never FORBIDDEN: another tenant's existence is not disclosed.
 */
export async function requirePermission(
  db: Db,
  actor: Actor | SessionActor | null,
  org: OrgRef,
  permission: Permission,
): Promise<OrgContext> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  if (isApiKeyActor(actor)) return requireApiKeyPermission(db, actor, org, permission);
  const isSession = "sessionToken" in actor;
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
      attributes: memberships.attributes,
      userId: memberships.userId,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        orgMatch,
        isNull(memberships.deactivatedAt),
        isSession
          ? sql`${memberships.userId} = ${sessionUserIdSql(actor.sessionToken)}`
          : eq(memberships.userId, actor.userId),
      ),
    )
    .limit(1);
  if (!row) {
    if (isSession && !(await hasLiveSession(db, actor.sessionToken))) throw new AppError("UNAUTHENTICATED", "signInRequired");
    throw new AppError("NOT_FOUND", "notFound");
  }
  if (!can(row.role, permission)) throw new AppError("FORBIDDEN", "forbidden");
  const { role, membershipId, attributes, userId, ...organization } = row;
  return { organization, role, membershipId, attributes, userId };
}

/**
 * A key reaches only its own organization (any other answers NOT_FOUND, as for a non-member) and
 * only what its scopes allow; a permission with no scope in the policy is never open to keys.
 * Secondary role checks see a leader: aggregate results, published insights, no drafts.
 */
async function requireApiKeyPermission(db: Db, actor: ApiKeyActor, org: OrgRef, permission: Permission): Promise<OrgContext> {
  if ("id" in org && !isUuid(org.id)) throw new AppError("NOT_FOUND", "notFound");
  const [organization] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, defaultLocale: organizations.defaultLocale, minGroupSize: organizations.minGroupSize, minCommentGroupSize: organizations.minCommentGroupSize })
    .from(organizations)
    .where(and(eq(organizations.id, actor.organizationId), "id" in org ? eq(organizations.id, org.id) : eq(organizations.slug, org.slug)))
    .limit(1);
  if (!organization) throw new AppError("NOT_FOUND", "notFound");
  if (!apiKeyCan(actor.scopes, permission)) throw new AppError("FORBIDDEN", "apiKeyScopeMissing");
  return { organization, role: "leader", membershipId: "", attributes: {}, userId: actor.userId };
}

/** The user of a signed-in session that has not expired, as a scalar subquery (null for any other token). */
export function sessionUserIdSql(sessionToken: SQL | string): SQL {
  return sql`(select se.user_id from sessions se where se.session_token = ${sessionToken} and se.expires > now())`;
}

async function hasLiveSession(db: Db, sessionToken: string): Promise<boolean> {
  const [session] = await db.select({ userId: sessions.userId }).from(sessions).where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, new Date()))).limit(1);
  return Boolean(session);
}
