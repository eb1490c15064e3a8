import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments, panelSamples, programs, quickPolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { appOrigin } from "@/lib/cycles/cycle-mail";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { enqueueJob } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";
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
    const [panel] = await tx
      .select({ id: programs.id, name: programs.name })
      .from(programs)
      .where(and(eq(programs.id, input.panelId), eq(programs.organizationId, organization.id), eq(programs.kind, "panel")));
    if (!panel) throw new AppError("NOT_FOUND", "notFound");
    if (input.sampleId) {
      const [sample] = await tx.select({ id: panelSamples.id }).from(panelSamples).where(and(eq(panelSamples.id, input.sampleId), eq(panelSamples.programId, panel.id)));
      if (!sample) throw new AppError("NOT_FOUND", "notFound");
    }
    const definition = buildPollDefinition(input);
    const [instrument] = await tx
      .insert(instruments)
      .values({ organizationId: organization.id, name: input.prompt.slice(0, 120), draft: definition, programId: panel.id, createdByUserId: actor!.userId })
      .returning({ id: instruments.id });
    await publishInstrument(tx, actor, organization.id, { instrumentId: instrument.id });
    await tx.update(instruments).set({ isOpen: true, audience: ["participant"] }).where(eq(instruments.id, instrument.id));
    const [created] = await tx
      .insert(quickPolls)
      .values({ programId: panel.id, organizationId: organization.id, sampleId: input.sampleId ?? null, instrumentId: instrument.id, deadline: input.deadline, quotas: input.quotas, createdByUserId: actor!.userId, openedAt: now })
      .returning({ id: quickPolls.id, instrumentId: quickPolls.instrumentId, programId: quickPolls.programId, sampleId: quickPolls.sampleId, deadline: quickPolls.deadline });
    await enqueueJob(tx, { kind: QUICK_POLL_JOB.close, runAt: input.deadline, payload: { pollId: created.id }, dedupeKey: `${QUICK_POLL_JOB.close}:${created.id}`, organizationId: organization.id });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "quick_poll.created", targetType: "quick_poll", targetId: created.id });
    return { ...created, prompt: input.prompt };
  });

  const targets = await pollTargets(db, poll);
  for (const person of targets) {
    const locale = person.locale ?? DEFAULT_LOCALE;
    const t = translatorFor(locale);
    const values = {
      org: organization.name,
      question: poll.prompt,
      link: new URL(`/o/${organization.slug}/respond/${poll.instrumentId}`, appOrigin()).toString(),
      deadline: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(poll.deadline),
    };
    await sendMail(db, { to: person.email, subject: t("polls.mail.subject", values), text: t("polls.mail.text", values) });
  }
  return { pollId: poll.id, instrumentId: poll.instrumentId, panelId: poll.programId, invited: targets.length };
}
