import "server-only";
import type { Db } from "@/db/client";
import { quickPolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { findPanelAndSample, mailPanelTargets, openPanelInstrument } from "@/lib/panels/open-panel-instrument";
import { buildPollDefinition } from "./build-poll-definition";
import { pollTargets } from "./poll-targets";
import { createQuickPollSchema, QUICK_POLL_JOB, type CreateQuickPollInput } from "./schemas";

/**
 * Sends a one-question poll to a panel or one of its samples. In one transaction: the instrument
 * (tied to the panel), its published version, opening it to participants, the poll row and the
 * job that closes it at the deadline. The targets are mailed after the commit, in their language.
 */
export async function createQuickPoll(db: Db, actor: Actor | null, orgId: string, rawInput: CreateQuickPollInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const input = createQuickPollSchema.parse(rawInput);
  if (input.deadline.getTime() <= now.getTime()) throw new AppError("INVALID", "deadlineInPast", { deadline: "deadlineInPast" });

  const poll = await db.transaction(async (tx) => {
    const panel = await findPanelAndSample(tx, organization.id, input.panelId, input.sampleId);
    const instrumentId = await openPanelInstrument(tx, actor, organization.id, { panelId: panel.id, name: input.prompt, definition: buildPollDefinition(input) });
    const [created] = await tx
      .insert(quickPolls)
      .values({ programId: panel.id, organizationId: organization.id, sampleId: input.sampleId ?? null, instrumentId, deadline: input.deadline, quotas: input.quotas, createdByUserId: actor!.userId, openedAt: now })
      .returning({ id: quickPolls.id, instrumentId: quickPolls.instrumentId, programId: quickPolls.programId, sampleId: quickPolls.sampleId, deadline: quickPolls.deadline });
    await enqueueJob(tx, { kind: QUICK_POLL_JOB.close, runAt: input.deadline, payload: { pollId: created.id }, dedupeKey: `${QUICK_POLL_JOB.close}:${created.id}`, organizationId: organization.id });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "quick_poll.created", targetType: "quick_poll", targetId: created.id });
    return { ...created, prompt: input.prompt };
  });

  const targets = await pollTargets(db, poll);
  await mailPanelTargets(db, organization, targets, poll, (t, values) => ({ subject: t("polls.mail.subject", { ...values, question: poll.prompt }), text: t("polls.mail.text", { ...values, question: poll.prompt }) }));
  return { pollId: poll.id, instrumentId: poll.instrumentId, panelId: poll.programId, invited: targets.length };
}
