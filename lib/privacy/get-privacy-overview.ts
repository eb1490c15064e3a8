import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { jobs, organizations, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { nextRetentionRun, purgeRunFor, retentionCutoff, retentionEnds } from "./retention-dates";
import { identifiableFieldReports, identifiableInterviewNotes, identifiableLiveAnswers, identifiableLivePosts, identifiableResponses, type RetainedProgram } from "./retention-scope";
import { RETENTION_JOB } from "./schemas";

export interface RetentionPreview {
  /** Identifiable records the next run will purge. */
  due: { responses: number; liveAnswers: number; posts: number; reports: number; interviews: number };
  /** When the oldest identifiable record still kept will be purged; null when nothing identifiable is kept. */
  oldestPurgedOn: Date | null;
}

export interface ProgramPrivacy {
  id: string;
  name: string;
  kind: "council" | "frontline" | "panel";
  retentionMonths: number | null;
  preview: RetentionPreview | null;
}

/**
 * The admins' privacy page: the erasure policy, and per program its retention with what the next
 * daily run will purge and when the oldest identifiable record goes. The counts use the same SQL as
 * the run itself, at the next run's time.
 */
export async function getPrivacyOverview(db: Db, actor: Actor | null, orgId: string, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "org.manage");
  const [{ policy }] = await db.select({ policy: organizations.erasurePolicy }).from(organizations).where(eq(organizations.id, organization.id));
  const [planned] = await db
    .select({ runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.organizationId, organization.id), eq(jobs.kind, RETENTION_JOB.purge), eq(jobs.status, "pending")))
    .orderBy(asc(jobs.runAt))
    .limit(1);
  const nextRun = planned?.runAt ?? nextRetentionRun(now);
  const list = await db
    .select({ id: programs.id, organizationId: programs.organizationId, name: programs.name, kind: programs.kind, retentionMonths: programs.retentionMonths })
    .from(programs)
    .where(and(eq(programs.organizationId, organization.id), eq(programs.status, "active")))
    .orderBy(asc(programs.kind), asc(programs.name));
  const result: ProgramPrivacy[] = [];
  for (const program of list) {
    const preview = program.retentionMonths === null ? null : await previewRetention(db, program, program.retentionMonths, nextRun);
    result.push({ id: program.id, name: program.name, kind: program.kind, retentionMonths: program.retentionMonths, preview });
  }
  return { policy, nextRun, programs: result };
}

export async function previewRetention(db: Db, program: RetainedProgram, months: number, nextRun: Date): Promise<RetentionPreview> {
  const before = retentionCutoff(nextRun, months);
  const scopes = { responses: identifiableResponses, liveAnswers: identifiableLiveAnswers, posts: identifiableLivePosts, reports: identifiableFieldReports, interviews: identifiableInterviewNotes };
  const [row] = rowsOf<Record<string, number | string | null>>(
    await db.execute(sql`select
      (select count(*)::int from (${scopes.responses(program, before)}) s) as responses,
      (select count(*)::int from (${scopes.liveAnswers(program, before)}) s) as "liveAnswers",
      (select count(*)::int from (${scopes.posts(program, before)}) s) as posts,
      (select count(*)::int from (${scopes.reports(program, before)}) s) as reports,
      (select count(*)::int from (${scopes.interviews(program, before)}) s) as interviews,
      least(
        (select min(at) from (${scopes.responses(program, null)}) s), (select min(at) from (${scopes.liveAnswers(program, null)}) s),
        (select min(at) from (${scopes.posts(program, null)}) s), (select min(at) from (${scopes.reports(program, null)}) s),
        (select min(at) from (${scopes.interviews(program, null)}) s)
      ) as oldest`),
  );
  const oldest = row.oldest ? new Date(row.oldest as string) : null;
  return {
    due: { responses: Number(row.responses), liveAnswers: Number(row.liveAnswers), posts: Number(row.posts), reports: Number(row.reports), interviews: Number(row.interviews) },
    oldestPurgedOn: oldest ? purgeRunFor(retentionEnds(oldest, months), nextRun) : null,
  };
}
