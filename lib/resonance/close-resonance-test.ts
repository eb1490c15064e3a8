import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { instruments, resonanceTests, responses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import type { Job } from "@/lib/jobs/queue";
import { resonanceTestIdSchema } from "./schemas";

/** Closes an open test and its instrument, so nobody can answer any more, and counts its answers once; false when it was closed already. */
async function closeTest(db: Db, testId: string, now: Date): Promise<boolean> {
  const [test] = await db.select({ id: resonanceTests.id, status: resonanceTests.status, instrumentId: resonanceTests.instrumentId }).from(resonanceTests).where(eq(resonanceTests.id, testId)).for("update");
  if (!test || test.status !== "open") return false;
  const responded = sql<number>`(select count(*)::int from ${responses} where ${responses.instrumentId} = ${test.instrumentId} and ${responses.status} = 'completed')`;
  await db.update(resonanceTests).set({ status: "closed", closedAt: now, responded }).where(eq(resonanceTests.id, test.id));
  await db.update(instruments).set({ isOpen: false, updatedAt: now }).where(eq(instruments.id, test.instrumentId));
  return true;
}

/** Job "resonance-test.close": the deadline has come. */
export async function closeResonanceTestAtDeadline(tx: Db, job: Job, now: Date): Promise<void> {
  await closeTest(tx, z.object({ testId: resonanceTestIdSchema }).parse(job.payload).testId, now);
}

/** A researcher closes a test before its deadline. */
export async function closeResonanceTestNow(db: Db, actor: Actor | null, orgId: string, rawTestId: string, now = new Date()): Promise<void> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const parsed = resonanceTestIdSchema.safeParse(rawTestId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const [test] = await tx.select({ id: resonanceTests.id }).from(resonanceTests).where(and(eq(resonanceTests.id, parsed.data), eq(resonanceTests.organizationId, organization.id)));
    if (!test) throw new AppError("NOT_FOUND", "notFound");
    if (!(await closeTest(tx, test.id, now))) throw new AppError("CONFLICT", "resonanceAlreadyClosed");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "resonance_test.closed", targetType: "resonance_test", targetId: test.id });
  });
}
