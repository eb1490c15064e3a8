import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, kpiDefinitions } from "@/db/schema";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { ensureBuiltInKpis } from "./ensure-built-in-kpis";
import { getScorecard } from "./get-scorecard";
import { updateKpiSettings } from "./update-kpi-settings";

const bank = (code: string, id: string) => ({ ...ITEM_BANK.find((item) => item.code === code)!.question, id }) as Question;
const pulse: Definition = {
  title: { en: "Pulse", pl: "Puls", ru: "Пульс" },
  defaultLocale: "en",
  requiredLocales: ["en"],
  questions: [bank("NPS", "nps"), bank("CSAT", "csat"), { id: "why", type: "text", multiline: false, maxLength: 200, required: false, prompt: { en: "Why?" } }],
};

describe("KPI settings and the executive scorecard", () => {
  const database = useTestDatabase();

  it("refuse a target off the KPI's scale, an owner who is not a leader, and people outside the organization, changing nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const researcher = await createMember(db, org.id, "researcher");
      const leader = await createMember(db, org.id, "leader");
      const customer = await createMember(db, org.id, "participant");
      const outsider = await createMember(db, (await createOrganization(db)).id, "admin");
      const valid = { key: "council-nps", ownerUserId: leader.userId, period: "quarterly" as const, target: "-20", incentiveWeight: "50" };

      await expect(updateKpiSettings(db, researcher.actor, org.id, { ...valid, key: "empathy-index", target: "-20" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { target: "kpiTargetInvalid" } });
      await expect(updateKpiSettings(db, researcher.actor, org.id, { ...valid, ownerUserId: customer.userId })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { ownerUserId: "kpiOwnerInvalid" } });
      await expect(updateKpiSettings(db, researcher.actor, org.id, { ...valid, incentiveWeight: "150" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "kpiWeightInvalid" })] });
      await expect(updateKpiSettings(db, customer.actor, org.id, valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateKpiSettings(db, outsider.actor, org.id, valid)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const untouched = await db.select({ target: kpiDefinitions.target, ownerUserId: kpiDefinitions.ownerUserId }).from(kpiDefinitions).where(eq(kpiDefinitions.organizationId, org.id));
      expect(untouched.every((row) => row.target === null && row.ownerUserId === null)).toBe(true);

      // An NPS target may be negative.
      await updateKpiSettings(db, researcher.actor, org.id, valid);
      const [saved] = await db.select({ target: kpiDefinitions.target, ownerUserId: kpiDefinitions.ownerUserId, weight: kpiDefinitions.incentiveWeight }).from(kpiDefinitions).where(and(eq(kpiDefinitions.organizationId, org.id), eq(kpiDefinitions.key, "council-nps")));
      expect(saved).toEqual({ target: -20, ownerUserId: leader.userId, weight: 50 });
      expect(await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "kpi.updated")))).toHaveLength(1);

      // A target relative to the previous period is a change in points, which may be negative on a 0–100 scale, but not beyond its span.
      const relative = { ...valid, key: "empathy-index", targetBasis: "previous_period" as const };
      await expect(updateKpiSettings(db, researcher.actor, org.id, { ...relative, target: "140" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { target: "kpiTargetChangeInvalid" } });
      await expect(updateKpiSettings(db, researcher.actor, org.id, { ...relative, targetBasis: "vs_everyone" as "absolute" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "kpiTargetBasisInvalid" })] });
      await updateKpiSettings(db, researcher.actor, org.id, { ...relative, target: "-2.5" });
      const [relativeSaved] = await db.select({ target: kpiDefinitions.target, targetBasis: kpiDefinitions.targetBasis }).from(kpiDefinitions).where(and(eq(kpiDefinitions.organizationId, org.id), eq(kpiDefinitions.key, "empathy-index")));
      expect(relativeSaved).toEqual({ target: -2.5, targetBasis: "previous_period" });
    });
  });

  it("scores each owner's KPIs against targets, withholds a score resting on one KPI and flags score-begging comments", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: pulse });
      for (let i = 0; i < 12; i++) {
        const customer = await createMember(db, org.id, "participant");
        const answers = { nps: i < 6 ? 10 : 8, csat: i < 9 ? 5 : 3, ...(i === 0 ? { why: "The clerk asked me to give them a 10." } : {}) };
        await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true });
      }
      const cmo = await createMember(db, org.id, "leader", { name: "Lena" });
      const coo = await createMember(db, org.id, "leader", { name: "Omar" });
      const admin = await createMember(db, org.id, "admin");
      await updateKpiSettings(db, admin.actor, org.id, { key: "council-nps", ownerUserId: cmo.userId, period: "quarterly", target: "40", incentiveWeight: "1" });
      await updateKpiSettings(db, admin.actor, org.id, { key: "csat-top-box", ownerUserId: cmo.userId, period: "quarterly", target: "60", incentiveWeight: "3" });
      await updateKpiSettings(db, admin.actor, org.id, { key: "empathy-index", ownerUserId: coo.userId, period: "quarterly", target: "70", incentiveWeight: "1" });

      const { owners } = await getScorecard(db, cmo.actor, { id: org.id });
      const lena = owners.find((card) => card.owner.name === "Lena")!;
      // NPS +50 (6 promoters, 6 passives of 12) against +40 on a scale from −100: 150/140. CSAT 75% against 60%: 125%, capped at 120%.
      expect(lena.kpis.map((kpi) => kpi.key)).toEqual(["council-nps", "csat-top-box"]);
      expect(lena.kpis[0].attainment).toBeCloseTo(150 / 140, 10);
      expect(lena.kpis[1].attainment).toBe(1.2);
      expect(lena.score).toBeCloseTo((150 / 140 + 3 * 1.2) / 4, 10);
      expect(lena.kpis.find((kpi) => kpi.key === "council-nps")!.flags).toContain("scoreBegging");
      // Omar's one KPI has no data, and one KPI is too few for a score anyway.
      expect(owners.find((card) => card.owner.name === "Omar")).toMatchObject({ score: null, missing: "needsTwoKpis", kpis: [{ key: "empathy-index", flags: ["noData"] }] });

      const researcher = await createMember(db, org.id, "researcher");
      await expect(getScorecard(db, researcher.actor, { id: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getScorecard(db, (await createMember(db, (await createOrganization(db)).id, "leader")).actor, { id: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
