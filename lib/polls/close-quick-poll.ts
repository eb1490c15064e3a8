import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments, quickPolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import type { Job } from "@/lib/jobs/queue";
import { areQuotasMet } from "./quotas";
import { quotaCounts } from "./quota-counts";
import { pollIdSchema } from "./schemas";

type CloseReason = "deadline" | "quotas_met" | "manual";

/** Closes an open poll and its instrument, so nobody can answer any more. Closing twice is a no-op. */
async function closePoll(db: Db, pollId: string, reason: CloseReason, now: Date, { whenQuotasMet = false } = {}): Promise<boolean> {
  const [poll] = await db
    .select({ id: quickPolls.id, status: quickPolls.status, instrumentId: quickPolls.instrumentId, quotas: quickPolls.quotas })
    .from(quickPolls)
    .where(eq(quickPolls.id, pollId))
    .for("update");
  if (!poll || poll.status !== "open") return false;
  if (whenQuotasMet && !areQuotasMet(poll.quotas, await quotaCounts(db, poll.instrumentId, poll.quotas))) return false;
  await db.update(quickPolls).set({ status: "closed", closeReason: reason, closedAt: now }).where(eq(quickPolls.id, poll.id));
  await db.update(instruments).set({ isOpen: false, updatedAt: now }).where(eq(instruments.id, poll.instrumentId));
  return true;
}

function pollIdOf(job: Job): string {
  return pollIdSchema.parse(job.payload).pollId;
}

/** Job "quick-poll.close": the deadline has come. */
export async function closeQuickPollAtDeadline(tx: Db, job: Job, now: Date): Promise<void> {
  await closePoll(tx, pollIdOf(job), "deadline", now);
}

/** Job "quick-poll.check-quotas": queued by a completed answer; closes the poll once every quota is reached. */
export async function closeQuickPollWhenQuotasMet(tx: Db, job: Job, now: Date): Promise<void> {
  await closePoll(tx, pollIdOf(job), "quotas_met", now, { whenQuotasMet: true });
}

/** A researcher closes a poll before its deadline. */
export async function closeQuickPollNow(db: Db, actor: Actor | null, orgId: string, input: { pollId: string }, now = new Date()): Promise<void> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const { pollId } = pollIdSchema.parse(input);
  await db.transaction(async (tx) => {
    const [poll] = await tx.select({ id: quickPolls.id }).from(quickPolls).where(and(eq(quickPolls.id, pollId), eq(quickPolls.organizationId, organization.id)));
    if (!poll) throw new AppError("NOT_FOUND", "notFound");
    if (!(await closePoll(tx, poll.id, "manual", now))) throw new AppError("CONFLICT", "pollAlreadyClosed");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "quick_poll.closed", targetType: "quick_poll", targetId: poll.id });
  });
}
