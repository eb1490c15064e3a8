import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions, panelSamples, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { LIVE_JOB } from "./jobs";
import { scheduleLiveSessionSchema, type ScheduleLiveSessionInput } from "./schemas";

/**
 * Schedules a live session of a panel (or one of its samples). The invitations go out through the
 * job queue, one job per session, so a retried request or a second instance never mails twice.
 */
export async function scheduleLiveSession(db: Db, actor: Actor | null, orgId: string, rawInput: ScheduleLiveSessionInput, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "live.moderate");
  const input = scheduleLiveSessionSchema.parse(rawInput);
  if (input.scheduledAt.getTime() <= now.getTime()) throw new AppError("INVALID", "liveScheduledInPast", { scheduledAt: "liveScheduledInPast" });

  return db.transaction(async (tx) => {
    const [panel] = await tx
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.id, input.panelId), eq(programs.organizationId, organization.id), eq(programs.kind, "panel")));
    if (!panel) throw new AppError("NOT_FOUND", "notFound");
    if (input.sampleId) {
      const [sample] = await tx.select({ id: panelSamples.id }).from(panelSamples).where(and(eq(panelSamples.id, input.sampleId), eq(panelSamples.programId, panel.id)));
      if (!sample) throw new AppError("NOT_FOUND", "notFound", { sampleId: "notFound" });
    }
    const [session] = await tx
      .insert(liveSessions)
      .values({ organizationId: organization.id, programId: panel.id, sampleId: input.sampleId ?? null, title: input.title, defaultLocale: input.defaultLocale, scheduledAt: input.scheduledAt, createdByUserId: userId, createdAt: now })
      .returning({ id: liveSessions.id, programId: liveSessions.programId, scheduledAt: liveSessions.scheduledAt });
    await enqueueJob(tx, { kind: LIVE_JOB.invite, runAt: now, payload: { sessionId: session.id }, dedupeKey: `${LIVE_JOB.invite}:${session.id}`, organizationId: organization.id });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_session.scheduled", targetType: "live_session", targetId: session.id, details: { panelId: panel.id, sampleId: input.sampleId ?? null } });
    return { sessionId: session.id, panelId: session.programId, scheduledAt: session.scheduledAt };
  });
}
