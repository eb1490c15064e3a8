import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions, organizations } from "@/db/schema";
import { appOrigin } from "@/lib/cycles/cycle-mail";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import type { Job } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";
import { pollTargets } from "@/lib/polls/poll-targets";
import { sessionRefSchema } from "./schemas";

/**
 * Job "live-session.invite": mails each eligible participant (active in the panel, and in the
 * sample when there is one) the join link, in their language. The job runs once per session
 * (its dedupe key), in the transaction that completes it; an ended session mails nobody.
 */
export async function inviteLiveParticipants(tx: Db, job: Job): Promise<void> {
  const { sessionId } = sessionRefSchema.parse(job.payload);
  const [session] = await tx
    .select({ id: liveSessions.id, title: liveSessions.title, status: liveSessions.status, scheduledAt: liveSessions.scheduledAt, programId: liveSessions.programId, sampleId: liveSessions.sampleId, orgName: organizations.name, orgSlug: organizations.slug })
    .from(liveSessions)
    .innerJoin(organizations, eq(organizations.id, liveSessions.organizationId))
    .where(eq(liveSessions.id, sessionId));
  if (!session || session.status === "ended") return;
  const link = new URL(`/o/${session.orgSlug}/live/${session.id}`, appOrigin()).toString();
  for (const person of await pollTargets(tx, session)) {
    const locale = person.locale ?? DEFAULT_LOCALE;
    const t = translatorFor(locale);
    const values = { org: session.orgName, title: session.title, link, time: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(session.scheduledAt) };
    await sendMail(tx, { to: person.email, subject: t("live.mail.subject", values), text: t("live.mail.text", values) });
  }
}
