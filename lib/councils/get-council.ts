import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
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

/** The councils of an organization with their active member counts, newest first. */
export async function listCouncils(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  return db
    .select({
      id: programs.id,
      name: programs.name,
      purpose: programs.purpose,
      cadence: programs.cadence,
      targetSize: programs.targetSize,
      status: programs.status,
      activeMembers: sql<number>`(select count(*)::int from ${programMembers} where ${programMembers.programId} = ${programs.id} and ${programMembers.status} = 'active')`,
      nextSessionAt: sql<Date | null>`(select min(${programCycles.opensAt}) from ${programCycles} where ${programCycles.programId} = ${programs.id} and ${programCycles.status} = 'scheduled')`.mapWith((value) => (value ? new Date(value) : null)),
    })
    .from(programs)
    .where(and(eq(programs.organizationId, organization.id), eq(programs.kind, "council")))
    .orderBy(sql`${programs.createdAt} desc`);
}

/** One council of the organization with its sessions; another organization's council is NOT_FOUND. */
export async function getCouncil(db: Db, actor: Actor | null, orgId: string, councilId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
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
