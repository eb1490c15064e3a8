import "server-only";
import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { cycleNotifications, memberships, programCycles, programs, responseAnswers, responses } from "@/db/schema";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { buildFrontlineDashboard, type AnswerInput, type CommentInput, type CycleInput, type FrontlineDashboardData, type InvitedCount } from "./build-frontline-dashboard";

// An empty value ("All teams" in a form) means no filter.
const filterValue = z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).max(100).optional());
export const frontlineDashboardQuerySchema = z.object({
  team: filterValue,
  location: filterValue,
  /** A cycle's sequence number; the latest closed cycle when absent. */
  cycle: z.coerce.number().int().min(0).max(10_000).optional(),
});
export type FrontlineDashboardQuery = z.infer<typeof frontlineDashboardQuerySchema>;

export type FrontlineDashboard = { program: null; thresholds: ReturnType<typeof effectiveThresholds> } | ({ program: { name: string } } & FrontlineDashboardData);

const team = (column: typeof memberships.attributes | typeof responses.attributes) => sql<string | null>`${column} ->> 'team'`;
const location = (column: typeof memberships.attributes | typeof responses.attributes) => sql<string | null>`${column} ->> 'location'`;

/**
 * The frontline dashboard for leaders and researchers: response rates, pulse scores with
 * intervals, pain points and comments of the organization's frontline program, for an optional
 * team and location, with every anonymity rule applied on the server.
 */
export async function getFrontlineDashboard(db: Db, actor: Actor | null, org: OrgRef, rawQuery: z.input<typeof frontlineDashboardQuerySchema>): Promise<FrontlineDashboard> {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  // Parsed after the permission check: someone who may not see the dashboard learns nothing from a 422.
  const query = frontlineDashboardQuerySchema.parse(rawQuery);
  const thresholds = effectiveThresholds(organization);
  const [program] = await db
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(and(eq(programs.organizationId, organization.id), eq(programs.kind, "frontline"), eq(programs.status, "active")))
    .orderBy(asc(programs.createdAt))
    .limit(1);
  if (!program) return { program: null, thresholds };

  const cycles: CycleInput[] = await db
    .select({ id: programCycles.id, sequence: programCycles.sequence, opensAt: programCycles.opensAt, closesAt: programCycles.closesAt, status: programCycles.status, instrumentId: programCycles.instrumentId })
    .from(programCycles)
    // A month whose window passed before it could open asked no one: it is not a month of data.
    .where(and(eq(programCycles.programId, program.id), ne(programCycles.status, "scheduled"), isNotNull(programCycles.openedAt)))
    .orderBy(asc(programCycles.sequence));
  const selected = query.cycle !== undefined ? cycles.find((cycle) => cycle.sequence === query.cycle) : (cycles.findLast((cycle) => cycle.status === "closed") ?? cycles.at(-1));
  const [invited, answers, comments] = await Promise.all([
    invitedCounts(db, organization.id, cycles),
    answerRows(db, program.id),
    selected ? commentRows(db, selected.id) : Promise.resolve([]),
  ]);
  const filters = { team: query.team, location: query.location };
  return { program: { name: program.name }, ...buildFrontlineDashboard({ thresholds, filters, cycles, selectedCycleId: selected?.id ?? null, invited, answers, comments }) };
}

/** Invited per cycle: the invitations sent when there are any, otherwise the frontline staff active during the cycle. */
async function invitedCounts(db: Db, organizationId: string, cycles: CycleInput[]): Promise<InvitedCount[]> {
  if (cycles.length === 0) return [];
  const notified = await db
    .select({ cycleId: cycleNotifications.cycleId, team: team(memberships.attributes), location: location(memberships.attributes), count: sql<number>`count(distinct ${cycleNotifications.userId})::int` })
    .from(cycleNotifications)
    .innerJoin(memberships, and(eq(memberships.userId, cycleNotifications.userId), eq(memberships.organizationId, organizationId)))
    .where(and(inArray(cycleNotifications.cycleId, cycles.map((cycle) => cycle.id)), eq(cycleNotifications.kind, "invitation")))
    .groupBy(cycleNotifications.cycleId, team(memberships.attributes), location(memberships.attributes));
  const roster = await db
    .select({ team: team(memberships.attributes), location: location(memberships.attributes), createdAt: memberships.createdAt, deactivatedAt: memberships.deactivatedAt })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "frontline")));
  const notifiedCycles = new Set(notified.map((row) => row.cycleId));
  const fromRoster = cycles
    .filter((cycle) => !notifiedCycles.has(cycle.id))
    .flatMap((cycle) =>
      roster
        .filter((member) => member.createdAt <= cycle.closesAt && (member.deactivatedAt === null || member.deactivatedAt > cycle.opensAt))
        .map((member) => ({ cycleId: cycle.id, team: member.team, location: member.location, count: 1 })),
    );
  return [...notified.map((row) => ({ ...row, count: Number(row.count) })), ...fromRoster];
}

const codedValue = (code: string, column: typeof responseAnswers.numericValue | typeof responseAnswers.choiceId) =>
  sql`(select ${column} from ${responseAnswers} where ${responseAnswers.responseId} = ${responses.id} and ${responseAnswers.itemCode} = ${code} limit 1)`;

/** One row per completed answer sheet: the cycle, the team and location snapshot, the two coded answers. */
async function answerRows(db: Db, programId: string): Promise<AnswerInput[]> {
  const rows = await db
    .select({
      cycleId: programCycles.id,
      team: team(responses.attributes),
      location: location(responses.attributes),
      empathy: codedValue("FRONTLINE_EMPATHY", responseAnswers.numericValue).mapWith(Number),
      painArea: codedValue("FRONTLINE_PAIN_AREA", responseAnswers.choiceId).mapWith(String),
    })
    .from(programCycles)
    .innerJoin(responses, and(eq(responses.instrumentId, programCycles.instrumentId), eq(responses.status, "completed")))
    .where(and(eq(programCycles.programId, programId), ne(programCycles.status, "scheduled")));
  return rows.map((row) => ({ ...row, empathy: row.empathy === null || Number.isNaN(row.empathy) ? null : row.empathy, painArea: row.painArea ?? null }));
}

/** What staff said customers struggled with in one cycle; the builder decides whether any of it may be shown. */
async function commentRows(db: Db, cycleId: string): Promise<CommentInput[]> {
  return db
    .select({ team: team(responses.attributes), location: location(responses.attributes), text: sql<string>`${responseAnswers.textValue}` })
    .from(programCycles)
    .innerJoin(responses, and(eq(responses.instrumentId, programCycles.instrumentId), eq(responses.status, "completed")))
    .innerJoin(responseAnswers, and(eq(responseAnswers.responseId, responses.id), eq(responseAnswers.questionId, "struggled")))
    .where(and(eq(programCycles.id, cycleId), sql`${responseAnswers.textValue} is not null`));
}
