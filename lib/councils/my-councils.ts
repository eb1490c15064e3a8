import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleMemos, programCycles, programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** A member who has left sees the council no more; one asked to accept a changed consent text still does. */
const STILL_MEMBER = ["active", "pending_consent"] as const;

/** The councils the signed-in person belongs to, for their portal. */
export async function listMyCouncils(db: Db, actor: Actor | null, orgId: string) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  return db
    .select({ id: programs.id, name: programs.name, purpose: programs.purpose, joinedAt: programMembers.joinedAt, memberStatus: programMembers.status })
    .from(programMembers)
    .innerJoin(programs, eq(programs.id, programMembers.programId))
    .where(and(eq(programMembers.organizationId, organization.id), eq(programMembers.userId, userId), inArray(programMembers.status, STILL_MEMBER), eq(programs.status, "active"), eq(programs.kind, "council")))
    .orderBy(asc(programs.name));
}

/** One council as its member sees it: purpose, the consent they gave, open and past sessions. Not (or no longer) a member: NOT_FOUND. */
export async function getMyCouncil(db: Db, actor: Actor | null, orgId: string, councilId: string) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  if (!isUuid(councilId)) throw new AppError("NOT_FOUND", "notFound");
  const [council] = await db
    .select({
      id: programs.id,
      name: programs.name,
      purpose: programs.purpose,
      consentText: programs.consentText,
      joinedAt: programMembers.joinedAt,
      consentedAt: programMembers.consentedAt,
      memberStatus: programMembers.status,
      profile: programMembers.profile,
    })
    .from(programMembers)
    .innerJoin(programs, eq(programs.id, programMembers.programId))
    .where(and(eq(programMembers.programId, councilId), eq(programMembers.organizationId, organization.id), eq(programMembers.userId, userId), inArray(programMembers.status, STILL_MEMBER), eq(programs.kind, "council")))
    .limit(1);
  if (!council) throw new AppError("NOT_FOUND", "notFound");
  const sessions = await db
    .select({ id: programCycles.id, sequence: programCycles.sequence, opensAt: programCycles.opensAt, closesAt: programCycles.closesAt, status: programCycles.status, instrumentId: programCycles.instrumentId })
    .from(programCycles)
    // A session whose window passed before it could open asked no one; members never saw it.
    .where(and(eq(programCycles.programId, council.id), inArray(programCycles.status, ["open", "closed"]), isNotNull(programCycles.openedAt)))
    .orderBy(desc(programCycles.sequence));
  const closedIds = sessions.filter((session) => session.status === "closed").map((session) => session.id);
  const memos = closedIds.length
    ? await db.select({ cycleId: cycleMemos.cycleId, title: cycleMemos.title }).from(cycleMemos).where(and(inArray(cycleMemos.cycleId, closedIds), eq(cycleMemos.status, "published")))
    : [];
  const memoTitle = new Map(memos.map((memo) => [memo.cycleId, memo.title]));
  return {
    ...council,
    // Surveys wait until a changed consent text is accepted.
    openSessions: council.memberStatus === "active" ? sessions.filter((session) => session.status === "open" && session.instrumentId) : [],
    pastSessions: sessions.filter((session) => session.status === "closed").map((session) => ({ ...session, memoTitle: memoTitle.get(session.id) ?? null })),
  };
}
