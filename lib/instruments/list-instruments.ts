import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { instruments, programs, responses } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

/** "none" lists the instruments that belong to no program; a malformed value lists everything. */
export const instrumentFiltersSchema = z.object({ program: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined) });
export type InstrumentFilters = z.input<typeof instrumentFiltersSchema>;

/** The organization's instruments, newest change first, optionally only those of one program, with their program and completed responses. */
export async function listInstruments(db: Db, actor: Actor | null, orgId: string, filters: InstrumentFilters = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  const { program } = instrumentFiltersSchema.parse(filters);
  const conditions: SQL[] = [eq(instruments.organizationId, organization.id)];
  if (program === "none") conditions.push(isNull(instruments.programId));
  else if (program) conditions.push(eq(instruments.programId, program));
  return db
    .select({
      id: instruments.id,
      name: instruments.name,
      latestVersion: instruments.latestVersion,
      hasUnpublishedChanges: instruments.hasUnpublishedChanges,
      isOpen: instruments.isOpen,
      updatedAt: instruments.updatedAt,
      program: { id: programs.id, name: programs.name, kind: programs.kind },
      completed: sql<number>`(select count(*)::int from ${responses} where ${responses.instrumentId} = ${instruments.id} and ${responses.status} = 'completed')`,
    })
    .from(instruments)
    .leftJoin(programs, eq(programs.id, instruments.programId))
    .where(and(...conditions))
    .orderBy(desc(instruments.updatedAt));
}

/** The programs an instruments list can be narrowed to. */
export async function listInstrumentPrograms(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  return db.select({ id: programs.id, name: programs.name, kind: programs.kind }).from(programs).where(eq(programs.organizationId, organization.id)).orderBy(asc(programs.kind), asc(programs.name));
}
