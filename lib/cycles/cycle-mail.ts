import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleNotifications } from "@/db/schema";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/send-mail";
import type { EligiblePerson } from "./eligibility";

export interface CycleMailContext {
  cycleId: string;
  orgSlug: string;
  orgName: string;
  instrumentId: string;
  surveyName: string;
  closesAt: Date;
}

/** Jobs have no request to take a host from: links use AUTH_URL, the app's public origin. */
export function appOrigin(): string {
  return env.AUTH_URL ? new URL(env.AUTH_URL).origin : "http://localhost:3000";
}

/**
 * Mails a cycle's invitation (sequence 0) or reminder k to one person, at most once: the
 * notification row is inserted first and only a row that was new sends mail. The row commits with
 * the job; through SMTP, a job that fails after sending and is retried may send that mail again
 * (at least once), never a second reminder once the job has committed.
 */
export async function notifyOnce(db: Db, person: EligiblePerson, kind: "invitation" | "reminder", sequence: number, context: CycleMailContext, now: Date): Promise<boolean> {
  const [inserted] = await db
    .insert(cycleNotifications)
    .values({ cycleId: context.cycleId, userId: person.userId, kind, sequence, sentAt: now })
    .onConflictDoNothing()
    .returning({ id: cycleNotifications.id });
  if (!inserted) return false;
  const locale: Locale = person.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const values = {
    org: context.orgName,
    survey: context.surveyName,
    link: new URL(`/o/${context.orgSlug}/respond/${context.instrumentId}`, appOrigin()).toString(),
    closes: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(context.closesAt),
  };
  await sendMail(db, { to: person.email, subject: t(`cycles.mail.${kind}.subject`, values), text: t(`cycles.mail.${kind}.text`, values) });
  return true;
}

/** How many people were invited to a cycle: the invitations actually recorded. */
export async function invitedCount(db: Db, cycleId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cycleNotifications)
    .where(and(eq(cycleNotifications.cycleId, cycleId), eq(cycleNotifications.kind, "invitation")));
  return row?.count ?? 0;
}
