import "server-only";
import { and, asc, count, desc, eq, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programCycles, programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

const COUNCIL_COLUMNS = {
  id: programs.id,
  name: programs.name,
  purpose: programs.purpose,
  consentText: programs.consentText,
  defaultLocale: programs.defaultLocale,
  cadence: programs.cadence,
  cadenceMonths: programs.cadenceMonths,
  startsOn: programs.startsOn,
  openDay: programs.openDay,
  openForDays: programs.openForDays,
  maxReminders: programs.maxReminders,
  reminderEveryDays: programs.reminderEveryDays,
  targetSize: programs.targetSize,
  compositionTargets: programs.compositionTargets,
  templateInstrumentId: programs.templateInstrumentId,
  status: programs.status,
  createdAt: programs.createdAt,
};

/** The councils of an organization with their active member counts and next session, newest first. */
export async function listCouncils(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  const inOrg = and(eq(programs.organizationId, organization.id), eq(programs.kind, "council"));
  const [councils, memberCounts, nextSessions] = await Promise.all([
    db
      .select({ id: programs.id, name: programs.name, purpose: programs.purpose, cadence: programs.cadence, targetSize: programs.targetSize, status: programs.status })
      .from(programs)
      .where(inOrg)
      .orderBy(desc(programs.createdAt)),
    db
      .select({ programId: programMembers.programId, active: count() })
      .from(programMembers)
      .innerJoin(programs, eq(programs.id, programMembers.programId))
      .where(and(inOrg, eq(programMembers.status, "active")))
      .groupBy(programMembers.programId),
    db
      .select({ programId: programCycles.programId, opensAt: min(programCycles.opensAt) })
      .from(programCycles)
      .innerJoin(programs, eq(programs.id, programCycles.programId))
      .where(and(inOrg, eq(programCycles.status, "scheduled")))
      .groupBy(programCycles.programId),
  ]);
  const active = new Map(memberCounts.map((row) => [row.programId, row.active]));
  const next = new Map(nextSessions.map((row) => [row.programId, row.opensAt]));
  return councils.map((council) => ({ ...council, activeMembers: active.get(council.id) ?? 0, nextSessionAt: next.get(council.id) ?? null }));
}

/** One council of the organization with its sessions; another organization's council is NOT_FOUND. */
export async function getCouncil(db: Db, actor: Actor | null, orgId: string, councilId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  if (!isUuid(councilId)) throw new AppError("NOT_FOUND", "notFound");
  const [council] = await db
    .select(COUNCIL_COLUMNS)
    .from(programs)
    .where(and(eq(programs.id, councilId), eq(programs.organizationId, organization.id), eq(programs.kind, "council")))
    .limit(1);
  if (!council) throw new AppError("NOT_FOUND", "notFound");
  const [sessions, [members]] = await Promise.all([
    db
      .select({ id: programCycles.id, sequence: programCycles.sequence, opensAt: programCycles.opensAt, closesAt: programCycles.closesAt, status: programCycles.status })
      .from(programCycles)
      .where(eq(programCycles.programId, council.id))
      .orderBy(asc(programCycles.sequence)),
    db.select({ active: count() }).from(programMembers).where(and(eq(programMembers.programId, council.id), eq(programMembers.status, "active"))),
  ]);
  return { ...council, sessions, activeMembers: members.active };
}
