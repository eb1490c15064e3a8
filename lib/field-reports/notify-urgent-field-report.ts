import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { fieldReports, memberships, organizations, users } from "@/db/schema";
import { PERMISSIONS } from "@/lib/authz/policy";
import { translatorFor } from "@/lib/i18n/messages";
import type { Job } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";

const payloadSchema = z.object({ reportId: z.uuid(), baseUrl: z.url() });

/**
 * Job "field-report.urgent": mails every active member who may read reports (researchers and admins)
 * in their own language, with what was heard and where, but never who heard it.
 */
export async function notifyUrgentFieldReport(tx: Db, job: Job): Promise<void> {
  const { reportId, baseUrl } = payloadSchema.parse(job.payload);
  const [report] = await tx
    .select({ kind: fieldReports.kind, body: fieldReports.body, team: fieldReports.team, location: fieldReports.location, orgId: organizations.id, orgSlug: organizations.slug, orgName: organizations.name, orgLocale: organizations.defaultLocale })
    .from(fieldReports)
    .innerJoin(organizations, eq(organizations.id, fieldReports.organizationId))
    .where(eq(fieldReports.id, reportId));
  // Deleted with its organization since it was enqueued: nobody is left to tell.
  if (!report) return;

  const recipients = await tx
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, report.orgId), inArray(memberships.role, [...PERMISSIONS["frontline.manage"]]), isNull(memberships.deactivatedAt)));
  const link = new URL(`/o/${report.orgSlug}/workspace/reports?urgency=urgent`, baseUrl).toString();
  for (const recipient of recipients) {
    if (!recipient.email) continue;
    const t = translatorFor(recipient.locale ?? report.orgLocale);
    const where = [report.team, report.location].filter(Boolean).join(", ") || t("fieldReports.unknownPlace");
    await sendMail(tx, {
      to: recipient.email,
      subject: t("fieldReports.mail.subject", { org: report.orgName, kind: t(`fieldReports.kinds.${report.kind}`) }),
      text: t("fieldReports.mail.text", { kind: t(`fieldReports.kinds.${report.kind}`), where, body: report.body, link }),
    });
  }
}
