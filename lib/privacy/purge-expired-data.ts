import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueJob, type Job } from "@/lib/jobs/queue";
import { anonymizeLiveAnswers, anonymizeResponses, deleteLivePosts } from "./purge-identifiable-data";
import { nextRetentionRun, retentionCutoff } from "./retention-dates";
import { identifiableFieldReports, identifiableInterviewNotes, identifiableLiveAnswers, identifiableLivePosts, identifiableResponses, type RetainedProgram } from "./retention-scope";
import { RETENTION_JOB } from "./schemas";
import { uuidList } from "@/db/sql-lists";

export interface PurgeCounts {
  responses: number;
  liveAnswers: number;
  posts: number;
  reports: number;
  interviews: number;
}

/**
 * For each program of the organization with a retention, takes away what is older than it: the
 * respondent and free text of responses (numbers kept, so rollups stay as they are), unfinished
 * responses, the person and words of live answers, live posts, and for the frontline program the
 * field reports, and interview notes filed under it. Already anonymized rows are skipped, so a second run changes nothing.
 */
export async function purgeExpiredData(tx: Db, organizationId: string, now: Date): Promise<Array<{ programId: string } & PurgeCounts>> {
  const retained = await tx
    .select({ id: programs.id, organizationId: programs.organizationId, kind: programs.kind, retentionMonths: programs.retentionMonths })
    .from(programs)
    .where(and(eq(programs.organizationId, organizationId), isNotNull(programs.retentionMonths)));
  const results: Array<{ programId: string } & PurgeCounts> = [];
  for (const program of retained) {
    const counts = await purgeProgram(tx, program, retentionCutoff(now, program.retentionMonths!), now);
    if (counts.responses + counts.liveAnswers + counts.posts + counts.reports + counts.interviews === 0) continue;
    await recordAudit(tx, { organizationId, actorUserId: null, action: "retention.purged", targetType: "program", targetId: program.id, details: { retentionMonths: program.retentionMonths!, ...counts } });
    results.push({ programId: program.id, ...counts });
  }
  return results;
}

async function purgeProgram(tx: Db, program: RetainedProgram, before: Date, now: Date): Promise<PurgeCounts> {
  const expired = rowsOf<{ id: string; status: string }>(await tx.execute(identifiableResponses(program, before)));
  const completed = expired.filter((row) => row.status === "completed").map((row) => row.id);
  const unfinished = expired.filter((row) => row.status !== "completed").map((row) => row.id);
  await anonymizeResponses(tx, program.organizationId, completed, now);
  if (unfinished.length > 0) await tx.execute(sql`delete from responses where id = any(${uuidList(unfinished)})`);
  const answerIds = rowsOf<{ id: number }>(await tx.execute(identifiableLiveAnswers(program, before))).map((row) => Number(row.id));
  const liveAnswers = await anonymizeLiveAnswers(tx, answerIds);
  const posts = await deleteLivePosts(tx, rowsOf<{ id: string }>(await tx.execute(identifiableLivePosts(program, before))).map((row) => row.id));
  const reportIds = rowsOf<{ id: string }>(await tx.execute(identifiableFieldReports(program, before))).map((row) => row.id);
  if (reportIds.length > 0) await tx.execute(sql`delete from field_reports where id = any(${uuidList(reportIds)})`);
  // Their coding items, highlights and insight evidence go with them (cascade).
  const interviews = rowsOf<{ id: string }>(await tx.execute(sql`delete from interview_notes where id in (select id from (${identifiableInterviewNotes(program, before)}) due) returning id`)).length;
  return { responses: expired.length, liveAnswers, posts, reports: reportIds.length, interviews };
}

/** Plans the organization's next daily run; one job per organization and day, whoever asks. */
export async function scheduleRetentionRun(db: Db, organizationId: string, now: Date): Promise<Date> {
  const runAt = nextRetentionRun(now);
  await enqueueJob(db, { kind: RETENTION_JOB.purge, runAt, organizationId, payload: { organizationId }, dedupeKey: `${RETENTION_JOB.purge}:${organizationId}:${runAt.toISOString().slice(0, 10)}` });
  return runAt;
}

/** Job "retention.purge": purges, then plans tomorrow's run while any program keeps a retention. */
export async function purgeExpiredDataJob(tx: Db, job: Job, now: Date): Promise<void> {
  if (!job.organizationId) return;
  await purgeExpiredData(tx, job.organizationId, now);
  const [retained] = await tx.select({ id: programs.id }).from(programs).where(and(eq(programs.organizationId, job.organizationId), isNotNull(programs.retentionMonths))).limit(1);
  if (retained) await scheduleRetentionRun(tx, job.organizationId, now);
}
