import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { alertUpdates, devMailbox, fieldReports, jobs, kpiDefinitions } from "@/db/schema";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { createAlertRule } from "./create-alert-rule";
import { evaluateAlertRules, evaluateAlertsJob } from "./evaluate-alerts";
import { listAlerts, openAlertsSummary } from "./list-alerts";
import { updateAlert } from "./update-alert";

const nps = { ...ITEM_BANK.find((item) => item.code === "NPS")!.question, id: "nps" } as Question;
const pulse: Definition = { title: { en: "Pulse" }, defaultLocale: "en", requiredLocales: ["en"], questions: [nps] };
const NOW = new Date();

describe("alerts and action items", () => {
  const database = useTestDatabase();

  it("raises one alert per KPI period below target, mails its owner, and keeps the action item's history", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: pulse });
      for (let i = 0; i < 12; i++) {
        const customer = await createMember(db, org.id, "participant");
        await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { nps: i < 3 ? 10 : 5 } }, { complete: true });
      }
      await db.update(kpiDefinitions).set({ target: 20 }).where(and(eq(kpiDefinitions.organizationId, org.id), eq(kpiDefinitions.key, "council-nps")));
      const leader = await createMember(db, org.id, "leader", { name: "Lena" });
      const researcher = await createMember(db, org.id, "researcher");

      await expect(createAlertRule(db, researcher.actor, org.id, { kind: "below_target", kpiKey: "council-nps", ownerUserId: researcher.userId }, NOW)).rejects.toMatchObject({ fieldErrors: { ownerUserId: "alertOwnerRequired" } });
      await expect(createAlertRule(db, leader.actor, org.id, { kind: "below_target", ownerUserId: leader.userId }, NOW)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "alertKpiRequired" })] });
      const { raised } = await createAlertRule(db, researcher.actor, org.id, { kind: "below_target", kpiKey: "council-nps", ownerUserId: leader.userId, dueDays: "3" }, NOW);
      expect(raised).toBe(1);
      expect(await evaluateAlertRules(db, org.id, NOW)).toEqual([]);
      const [alert] = await listAlerts(db, leader.actor, { id: org.id });
      // 3 promoters and 9 detractors of 12: an NPS of −50 against a target of 20.
      expect(alert).toMatchObject({ status: "open", ownerName: "Lena", facts: { kind: "below_target", kpiKey: "council-nps", value: -50, target: 20, n: 12 }, dueOn: new Date(NOW.getTime() + 3 * 86_400_000).toISOString().slice(0, 10) });
      const mails = await db.select({ subject: devMailbox.subject, text: devMailbox.text }).from(devMailbox).where(eq(devMailbox.to, leader.email!));
      expect(mails).toEqual([expect.objectContaining({ subject: expect.stringContaining("an alert for you to act on"), text: expect.stringContaining("Council NPS is -50, below its target of +20") })]);

      await updateAlert(db, leader.actor, org.id, { alertId: alert.id, status: "in_progress", note: "Calling the detractors this week." });
      await expect(updateAlert(db, leader.actor, org.id, { alertId: alert.id, status: "in_progress" })).rejects.toMatchObject({ fieldErrors: { note: "alertNothingChanged" } });
      await updateAlert(db, leader.actor, org.id, { alertId: alert.id, status: "resolved", note: "" });
      const [after] = await listAlerts(db, leader.actor, { id: org.id });
      expect(after.status).toBe("resolved");
      expect(after.history.map((update) => [update.status, update.note, update.byName])).toEqual([["in_progress", "Calling the detractors this week.", "Lena"], ["resolved", "", "Lena"]]);
      expect(await openAlertsSummary(db, leader.actor, { id: org.id })).toMatchObject({ count: 0 });

      // The next look is queued as a job, which looks again and queues the one after.
      const queued = await db.select({ runAt: jobs.runAt }).from(jobs).where(like(jobs.dedupeKey, `alerts.evaluate:${org.id}:%`));
      expect(queued).toHaveLength(1);
      await evaluateAlertsJob(db, { id: 1, kind: "alerts.evaluate", organizationId: org.id, payload: { organizationId: org.id }, attempts: 1, maxAttempts: 5, runAt: queued[0].runAt }, queued[0].runAt);
      expect(await db.select({ runAt: jobs.runAt }).from(jobs).where(like(jobs.dedupeKey, `alerts.evaluate:${org.id}:%`))).toHaveLength(2);
    });
  });

  it("raises a spike of urgent frontline reports once a day, and keeps other organizations and customers out", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const customer = await createMember(db, org.id, "participant");
      const other = await createOrganization(db);
      const otherLeader = await createMember(db, other.id, "leader");
      await db.insert(fieldReports).values(Array.from({ length: 3 }, () => ({ organizationId: org.id, kind: "pain_point" as const, urgency: "urgent" as const, body: "Queue out of the door.", createdAt: new Date(NOW.getTime() - 3_600_000) })));
      await expect(createAlertRule(db, customer.actor, org.id, { kind: "urgent_spike", threshold: "3", ownerUserId: admin.userId }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createAlertRule(db, admin.actor, org.id, { kind: "urgent_spike", ownerUserId: admin.userId }, NOW)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "alertThresholdInvalid" })] });
      expect((await createAlertRule(db, admin.actor, org.id, { kind: "urgent_spike", threshold: "4", ownerUserId: admin.userId }, NOW)).raised).toBe(0);
      expect((await createAlertRule(db, admin.actor, org.id, { kind: "urgent_spike", threshold: "3", ownerUserId: admin.userId }, NOW)).raised).toBe(1);
      const [alert] = await listAlerts(db, admin.actor, { id: org.id });
      expect(alert.facts).toMatchObject({ kind: "urgent_spike", count: 3, threshold: 3 });
      await expect(updateAlert(db, otherLeader.actor, other.id, { alertId: alert.id, status: "dismissed" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateAlert(db, customer.actor, org.id, { alertId: alert.id, status: "dismissed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.select().from(alertUpdates).where(eq(alertUpdates.alertId, alert.id))).toEqual([]);
      expect(await listAlerts(db, otherLeader.actor, { id: other.id })).toEqual([]);
    });
  });
});
