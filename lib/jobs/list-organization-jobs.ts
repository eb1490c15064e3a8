import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

const COLUMNS = { id: jobs.id, kind: jobs.kind, runAt: jobs.runAt, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts, lastRunAt: jobs.lastRunAt, finishedAt: jobs.finishedAt, lastError: jobs.lastError };
export type JobRow = { id: number; kind: string; runAt: Date; attempts: number; maxAttempts: number; lastRunAt: Date | null; finishedAt: Date | null; lastError: string | null };

/** An organization's background jobs for its admins: what runs next, what ran last, what failed. */
export async function listOrganizationJobs(db: Db, actor: Actor | null, orgId: string, { limit = 50 } = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "org.manage");
  const ofOrg = (status: "pending" | "done" | "failed") => and(eq(jobs.organizationId, organization.id), eq(jobs.status, status));
  const [next, last, failed] = await Promise.all([
    db.select(COLUMNS).from(jobs).where(ofOrg("pending")).orderBy(asc(jobs.runAt), asc(jobs.id)).limit(limit),
    db.select(COLUMNS).from(jobs).where(ofOrg("done")).orderBy(desc(jobs.finishedAt), desc(jobs.id)).limit(limit),
    db.select(COLUMNS).from(jobs).where(ofOrg("failed")).orderBy(desc(jobs.finishedAt), desc(jobs.id)).limit(limit),
  ]);
  return { next, last, failed } satisfies Record<string, JobRow[]>;
}
