import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { memberships } from "@/db/schema";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { createKpi } from "./create-kpi";
import { ensureBuiltInKpis } from "./ensure-built-in-kpis";
import { getKpiDetail } from "./get-kpi-detail";
import { updateKpiSettings } from "./update-kpi-settings";

const bank = (code: string, id: string) => ({ ...ITEM_BANK.find((item) => item.code === code)!.question, id }) as Question;
const empathyItems: Definition = { title: { en: "Pulse" }, defaultLocale: "en", requiredLocales: ["en"], questions: [1, 2, 3, 4, 5].map((n) => bank(`SERVQUAL_EMP_${n}`, `emp${n}`)) };
const EMPATHY_CODES = "SERVQUAL_EMP_1, SERVQUAL_EMP_2, SERVQUAL_EMP_3, SERVQUAL_EMP_4, SERVQUAL_EMP_5";

/** Customers answering the empathy items: Russian speakers feel less understood (3 of 7) than the rest (6 of 7). */
async function organizationAnswering(db: Db, languages: string[]) {
  const org = await createOrganization(db);
  await ensureBuiltInKpis(db, org.id);
  const leader = await createMember(db, org.id, "leader");
  const { instrumentId } = await createOpenInstrument(db, org.id, { definition: empathyItems });
  for (const language of languages) {
    const customer = await createMember(db, org.id, "participant");
    await db.update(memberships).set({ attributes: { language } }).where(eq(memberships.id, customer.membershipId));
    const score = language === "ru" ? 3 : 6;
    const answers = { emp1: score, emp2: score, emp3: score, emp4: score, emp5: score };
    await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true });
  }
  return { org, leader };
}

const valueOf = (point: { value: { status: string; estimate?: { value: number; n: number } } } | null | undefined) => (point?.value.status === "ok" ? point.value.estimate! : null);

describe("KPIs of one segment", () => {
  const database = useTestDatabase();

  it("count only the segment's answers, beside the organization's, and hold a target relative to the whole organization", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await organizationAnswering(db, [...Array(14).fill("en"), ...Array(12).fill("ru")]);
      const kpi = await createKpi(db, leader.actor, org.id, { name: "Empathy, Russian speakers", aggregation: "mean", itemCodes: EMPATHY_CODES, segment: "language=ru", period: "monthly" });

      const detail = await getKpiDetail(db, leader.actor, { id: org.id }, { key: kpi.key, by: "language" });
      const segment = valueOf(detail.latest)!;
      const whole = valueOf(detail.organization?.at(-1))!;
      expect(segment.n).toBe(12);
      expect(whole.n).toBe(26);
      // 3 of 1–7 is a third of the way up the scale; the organization mixes in the 6s.
      expect(segment.value).toBeCloseTo(100 / 3, 6);
      expect(whole.value).toBeGreaterThan(segment.value);
      // Its rollups hold everyone by every attribute, which are no splits of the segment.
      expect(detail.segmentKeys).toEqual([]);
      expect(detail.split).toBeNull();

      // "Close the gap": at least the whole organization's value.
      await updateKpiSettings(db, leader.actor, org.id, { key: kpi.key, ownerUserId: "", period: "monthly", target: "0", targetBasis: "organization", incentiveWeight: "" });
      const targeted = await getKpiDetail(db, leader.actor, { id: org.id }, { key: kpi.key });
      expect(targeted.target).toBeCloseTo(whole.value, 6);
      expect(targeted.status).toBe("below");

      // Only a KPI of one segment can be held against the organization, and only a segment that exists.
      await expect(updateKpiSettings(db, leader.actor, org.id, { key: "empathy-index", ownerUserId: "", period: "monthly", target: "0", targetBasis: "organization", incentiveWeight: "" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { targetBasis: "kpiTargetOrganizationNeedsSegment" } });
      await expect(createKpi(db, leader.actor, org.id, { name: "Nobody", aggregation: "mean", itemCodes: EMPATHY_CODES, segment: "language=xx", period: "monthly" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { segment: "kpiSegmentUnknown" } });
    });
  });

  it("withhold a segment's value when the people outside it are too few to stay unseen beside the organization's", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await organizationAnswering(db, [...Array(20).fill("en"), ...Array(3).fill("ru")]);
      const kpi = await createKpi(db, leader.actor, org.id, { name: "Empathy, English speakers", aggregation: "mean", itemCodes: EMPATHY_CODES, segment: "language=en", period: "monthly" });
      const detail = await getKpiDetail(db, leader.actor, { id: org.id }, { key: kpi.key });
      // The organization (23) minus the segment (20) would show the three Russian speakers' answers.
      expect(valueOf(detail.organization?.at(-1))?.n).toBe(23);
      expect(detail.latest?.value).toEqual({ status: "insufficient", n: 20, minN: detail.minN, withheld: true });
    });
  });
});
