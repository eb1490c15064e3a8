import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRules, alerts, fieldReports, organizations, resonanceTests, users, campaigns } from "@/db/schema";
import { appOrigin } from "@/lib/cycles/cycle-mail";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { MESSAGES, translatorFor } from "@/lib/i18n/messages";
import { createFormatter, createTranslator } from "next-intl";
import { alertTexter } from "@/components/alerts/alert-text";
import type { Job } from "@/lib/jobs/queue";
import { enqueueJob } from "@/lib/jobs/queue";
import { kpiSummaries } from "@/lib/kpis/get-kpi-overview";
import { sendMail } from "@/lib/mail/send-mail";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { readResonanceResults } from "@/lib/resonance/get-resonance-results";
import { kpiAlertOccasion, urgentSpikeOccasion, type Occasion } from "./alert-conditions";
import { ALERT_EVALUATION_MS, ALERT_JOB } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Resonance tests this recent are watched for divergence. */
const DIVERGENCE_WINDOW_MS = 60 * DAY_MS;

/**
 * Looks at every active rule of the organization and raises each new alert once (one per rule and
 * occasion, whatever runs at the same time), with its action item due after the rule's days; the
 * owner of each new alert is mailed. Returns the alerts raised.
 */
export async function evaluateAlertRules(db: Db, organizationId: string, now: Date) {
  const [organization] = await db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name, minGroupSize: organizations.minGroupSize, minCommentGroupSize: organizations.minCommentGroupSize }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) return [];
  const rules = await db.select().from(alertRules).where(and(eq(alertRules.organizationId, organizationId), eq(alertRules.isActive, true)));
  if (rules.length === 0) return [];
  const needsKpis = rules.some((rule) => rule.kpiId);
  const summaries = needsKpis ? (await kpiSummaries(db, organization)).kpis : [];
  const divergences = rules.some((rule) => rule.kind === "divergence") ? await recentDivergences(db, organization, now) : [];

  const raised: Array<{ id: string; ownerUserId: string | null; facts: Occasion["facts"]; dueOn: string }> = [];
  for (const rule of rules) {
    let occasions: Occasion[] = [];
    if (rule.kind === "below_target" || rule.kind === "significant_drop") {
      const summary = summaries.find((candidate) => candidate.definition.id === rule.kpiId);
      const occasion = summary ? kpiAlertOccasion(rule.kind, summary) : null;
      occasions = occasion ? [occasion] : [];
    } else if (rule.kind === "divergence") {
      occasions = divergences;
    } else {
      const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(fieldReports).where(and(eq(fieldReports.organizationId, organizationId), eq(fieldReports.urgency, "urgent"), gte(fieldReports.createdAt, new Date(now.getTime() - DAY_MS))));
      const occasion = urgentSpikeOccasion(Number(count), rule.threshold ?? 1, now);
      occasions = occasion ? [occasion] : [];
    }
    if (occasions.length === 0) continue;
    const dueOn = new Date(now.getTime() + rule.dueDays * DAY_MS).toISOString().slice(0, 10);
    const inserted = await db
      .insert(alerts)
      .values(occasions.map((occasion) => ({ organizationId, ruleId: rule.id, occasion: occasion.occasion, facts: occasion.facts, ownerUserId: rule.ownerUserId, dueOn, raisedAt: now })))
      .onConflictDoNothing({ target: [alerts.ruleId, alerts.occasion] })
      .returning({ id: alerts.id, ownerUserId: alerts.ownerUserId, facts: alerts.facts, dueOn: alerts.dueOn });
    for (const alert of inserted) await emitWebhookEvent(db, organizationId, "alert.created", { alertId: alert.id, ruleId: rule.id, ruleKind: rule.kind, raisedAt: now.toISOString(), dueOn: alert.dueOn });
    raised.push(...inserted);
  }
  await mailOwners(db, organization, raised);
  return raised;
}

/** Divergent segments of the organization's recent resonance tests, one occasion per test, concept and segment. */
async function recentDivergences(db: Db, organization: { id: string; minGroupSize: number; minCommentGroupSize: number }, now: Date): Promise<Occasion[]> {
  const tests = await db
    .select({ id: resonanceTests.id, campaignId: resonanceTests.campaignId, campaignName: campaigns.name })
    .from(resonanceTests)
    .innerJoin(campaigns, eq(campaigns.id, resonanceTests.campaignId))
    .where(and(eq(resonanceTests.organizationId, organization.id), gte(resonanceTests.openedAt, new Date(now.getTime() - DIVERGENCE_WINDOW_MS))));
  const occasions: Occasion[] = [];
  for (const test of tests) {
    const results = await readResonanceResults(db, organization, { testId: test.id });
    for (const concept of results?.concepts ?? []) {
      for (const flag of concept.divergent) {
        occasions.push({
          occasion: `divergence:${test.id}:${concept.prefix}:${flag.attribute}=${flag.value}`,
          facts: { kind: "divergence", testId: test.id, campaignId: test.campaignId, campaignName: test.campaignName, conceptTitle: concept.title, attribute: flag.attribute, value: flag.value, reasons: flag.reasons },
        });
      }
    }
  }
  return occasions;
}

async function mailOwners(db: Db, organization: { slug: string; name: string }, raised: ReadonlyArray<{ ownerUserId: string | null; facts: Occasion["facts"]; dueOn: string }>) {
  const ownerIds = [...new Set(raised.map((alert) => alert.ownerUserId).filter((id): id is string => Boolean(id)))];
  if (ownerIds.length === 0) return;
  const owners = await db.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ownerIds));
  const link = new URL(`/o/${organization.slug}/dashboard/alerts`, appOrigin()).toString();
  for (const alert of raised) {
    const owner = owners.find((candidate) => candidate.id === alert.ownerUserId);
    if (!owner?.email) continue;
    const locale = (owner.locale as Locale | null) ?? DEFAULT_LOCALE;
    const scoped = (namespace: "alerts" | "kpis" | "councils") => createTranslator({ locale, messages: MESSAGES[locale], namespace }) as unknown as Parameters<typeof alertTexter>[0];
    const format = createFormatter({ locale, timeZone: "UTC" });
    const what = alertTexter(scoped("alerts"), scoped("kpis"), scoped("councils"), format)(alert.facts);
    const due = format.dateTime(new Date(`${alert.dueOn}T00:00:00Z`), { dateStyle: "long" });
    const t = translatorFor(locale);
    await sendMail(db, { to: owner.email, subject: t("alerts.mail.subject", { org: organization.name }), text: t("alerts.mail.text", { org: organization.name, what, due, link }) });
  }
}

/** The 15-minute slot a time falls in: one evaluation job per organization and slot. */
const slotOf = (time: Date) => new Date(Math.floor(time.getTime() / ALERT_EVALUATION_MS) * ALERT_EVALUATION_MS);

/** Queues the next evaluation of an organization's rules. */
export async function scheduleAlertEvaluation(db: Db, organizationId: string, now: Date) {
  const runAt = new Date(slotOf(now).getTime() + ALERT_EVALUATION_MS);
  await enqueueJob(db, { kind: ALERT_JOB.evaluate, runAt, payload: { organizationId }, dedupeKey: `${ALERT_JOB.evaluate}:${organizationId}:${runAt.toISOString()}`, organizationId });
}

/** Job "alerts.evaluate": looks at the rules, then plans the next look while any rule is active. */
export async function evaluateAlertsJob(tx: Db, job: Job, now: Date): Promise<void> {
  if (!job.organizationId) return;
  await evaluateAlertRules(tx, job.organizationId, now);
  const [active] = await tx.select({ id: alertRules.id }).from(alertRules).where(and(eq(alertRules.organizationId, job.organizationId), eq(alertRules.isActive, true))).limit(1);
  if (active) await scheduleAlertEvaluation(tx, job.organizationId, now);
}
