import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { devMailbox } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

const globalForMail = globalThis as typeof globalThis & { __attuneTransport?: Transporter };

function transport(smtpUrl: string): Transporter {
  globalForMail.__attuneTransport ??= createTransport(smtpUrl);
  return globalForMail.__attuneTransport;
}

/**
 * Sends through SMTP when SMTP_URL is set. Without it the message goes to the dev mailbox table
 * (readable at /dev/mailbox), so it is never silently dropped. Mail that carries a way in (a sign-in
 * link, an invitation) is announced in the log so a developer knows where to look, without the
 * address or the link: logs hold nothing that identifies a person. Scheduled mail (hundreds of
 * invitations and reminders when the demo's sessions open) is not, so the log stays readable.
 */
export async function sendMail(db: Db, mail: Mail, { printLocally = false }: { printLocally?: boolean } = {}): Promise<void> {
  if (env.SMTP_URL) {
    await transport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...mail });
    log.info({ event: "mail.sent", subject: mail.subject }, "mail sent");
    return;
  }
  await db.insert(devMailbox).values(mail);
  if (printLocally && env.NODE_ENV !== "test") console.log(`[dev mailbox] "${mail.subject}" is waiting at /dev/mailbox`);
}
