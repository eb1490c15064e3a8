import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { retryJob } from "./queue";

// Ids are bigserial: anything that is not a safe positive integer names no job.
export const retryJobSchema = z.object({ jobId: z.string().regex(/^\d{1,15}$/).transform(Number).or(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)) });

/** An admin puts one of their organization's failed jobs back in the queue, due at `now`. */
export async function retryOrganizationJob(db: Db, actor: Actor | null, orgId: string, input: z.input<typeof retryJobSchema>, now: Date) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "org.manage");
  const parsed = retryJobSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const { jobId } = parsed.data;
  return db.transaction(async (tx) => {
    const [job] = await tx.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.id, jobId), eq(jobs.organizationId, organization.id)));
    if (!job) throw new AppError("NOT_FOUND", "notFound");
    if (!(await retryJob(tx as unknown as Db, jobId, now))) throw new AppError("CONFLICT", "jobNotFailed");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "job.retried", targetType: "job", targetId: String(jobId) });
  });
}
