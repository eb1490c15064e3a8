import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, users, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { appOrigin } from "@/lib/cycles/cycle-mail";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/send-mail";

export const DISABLED_FOR_FAILURES = "failures";

/**
 * Stops sending to an endpoint whose deliveries keep failing, says so in the audit log and mails
 * the admin who created it, each in their language (every admin when that person is no longer one).
 */
export async function disableFailingEndpoint(tx: Db, endpoint: { id: string; organizationId: string }, failures: number, now: Date): Promise<void> {
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ isEnabled: false, disabledAt: now, disabledReason: DISABLED_FOR_FAILURES, updatedAt: now })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.isEnabled, true)))
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, createdByUserId: webhookEndpoints.createdByUserId });
  if (!disabled) return;
  await recordAudit(tx, { organizationId: endpoint.organizationId, actorUserId: null, action: "webhook.disabled", targetType: "webhook_endpoint", targetId: disabled.id, details: { reason: DISABLED_FOR_FAILURES, failures } });

  const [organization] = await tx.select({ slug: organizations.slug, name: organizations.name, defaultLocale: organizations.defaultLocale }).from(organizations).where(eq(organizations.id, endpoint.organizationId));
  const admins = await tx
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, endpoint.organizationId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt)));
  const creator = admins.filter((admin) => admin.userId === disabled.createdByUserId);
  const link = new URL(`/o/${organization.slug}/admin/webhooks/${disabled.id}`, appOrigin()).toString();
  for (const admin of creator.length > 0 ? creator : admins) {
    if (!admin.email) continue;
    const t = translatorFor((admin.locale as Locale | null) ?? organization.defaultLocale);
    await sendMail(tx, { to: admin.email, subject: t("webhooks.mail.subject", { org: organization.name }), text: t("webhooks.mail.text", { org: organization.name, url: disabled.url, failures, link }) });
  }
}
