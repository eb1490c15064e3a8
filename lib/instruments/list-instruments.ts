import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { instruments, programs, responses } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

/** "none" lists the instruments that belong to no program; a malformed value lists everything. */
export const instrumentFiltersSchema = z.object({ program: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined) });
export type InstrumentFilters = z.input<typeof instrumentFiltersSchema>;

const INSTRUMENT_COLUMNS = {
  id: instruments.id,
  name: instruments.name,
  latestVersion: instruments.latestVersion,
  hasUnpublishedChanges: instruments.hasUnpublishedChanges,
  isOpen: instruments.isOpen,
  audience: instruments.audience,
  createdAt: instruments.createdAt,
  updatedAt: instruments.updatedAt,
  program: { id: programs.id, name: programs.name, kind: programs.kind },
  completed: sql<number>`(select count(*)::int from ${responses} where ${responses.instrumentId} = ${instruments.id} and ${responses.status} = 'completed')`,
};

function filterConditions(orgId: string, filters: InstrumentFilters): SQL[] {
  const { program } = instrumentFiltersSchema.parse(filters);
  const conditions: SQL[] = [eq(instruments.organizationId, orgId)];
  if (program === "none") conditions.push(isNull(instruments.programId));
  else if (program) conditions.push(eq(instruments.programId, program));
  return conditions;
}

/** The organization's instruments, newest change first, optionally only those of one program, with their program and completed responses. */
export async function listInstruments(db: Db, actor: Actor | null, orgId: string, filters: InstrumentFilters = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.view");
  return db
    .select(INSTRUMENT_COLUMNS)
    .from(instruments)
    .leftJoin(programs, eq(programs.id, instruments.programId))
    .where(and(...filterConditions(organization.id, filters)))
    .orderBy(desc(instruments.updatedAt));
}

/**
 * One page of the same list, newest created first by keyset on (created_at, id): unlike the last
 * change, creation never moves an instrument between pages while a client reads them.
 */
export async function listInstrumentsPage(db: Db, actor: Actor | null, orgId: string, filters: InstrumentFilters, page: { after: { createdAt: Date; id: string } | null; limit: number }) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.view");
  // Keyed at millisecond precision, as a Date carries it: created_at's microseconds would split ties.
  const createdAt = sql`date_trunc('milliseconds', ${instruments.createdAt})`;
  const conditions = filterConditions(organization.id, filters);
  if (page.after) conditions.push(sql`(${createdAt}, ${instruments.id}) < (${page.after.createdAt.toISOString()}::timestamptz, ${page.after.id}::uuid)`);
  const rows = await db
    .select(INSTRUMENT_COLUMNS)
    .from(instruments)
    .leftJoin(programs, eq(programs.id, instruments.programId))
    .where(and(...conditions))
    .orderBy(desc(createdAt), desc(instruments.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { instruments: items, next: rows.length > page.limit ? { createdAt: last.createdAt, id: last.id } : null };
}

/** The programs an instruments list can be narrowed to. */
export async function listInstrumentPrograms(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.view");
  return db.select({ id: programs.id, name: programs.name, kind: programs.kind }).from(programs).where(eq(programs.organizationId, organization.id)).orderBy(asc(programs.kind), asc(programs.name));
}
