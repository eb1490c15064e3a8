import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { kpiDefinitions, kpiRollups, memberships } from "@/db/schema";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { ensureBuiltInKpis } from "./ensure-built-in-kpis";
import { getKpiDetail } from "./get-kpi-detail";
import { getKpiOverview } from "./get-kpi-overview";
import { rebuildKpiRollups } from "./rebuild-kpi-rollups";

const bank = (code: string, id: string) => ({ ...ITEM_BANK.find((item) => item.code === code)!.question, id }) as Question;
const pulse: Definition = {
  title: { en: "Pulse", pl: "Puls", ru: "Пульс" },
  defaultLocale: "en",
  requiredLocales: ["en"],
  questions: [bank("NPS", "nps"), bank("CSAT", "csat"), ...[1, 2, 3, 4, 5].map((n) => bank(`SERVQUAL_EMP_${n}`, `emp${n}`))],
};
const answersFor = (i: number, language: string) => {
  const empathy = language === "ru" ? 3 : 6;
  return { nps: i % 11, csat: (i % 5) + 1, emp1: empathy, emp2: empathy, emp3: empathy + 1, emp4: empathy, emp5: empathy - 1 };
};

async function councilWithAnswers(db: Db, languages: string[]) {
  const org = await createOrganization(db);
  await ensureBuiltInKpis(db, org.id);
  const { instrumentId } = await createOpenInstrument(db, org.id, { definition: pulse });
  for (const [i, language] of languages.entries()) {
    const customer = await createMember(db, org.id, "participant");
    await db.update(memberships).set({ attributes: { language, region: i % 2 ? "north" : "south" } }).where(eq(memberships.id, customer.membershipId));
    const payload = { responseId: randomUUID(), instrumentId, locale: "en" as const, answers: answersFor(i, language) };
    // Half answer in one go (the one-statement path), half save as they go and finish later.
    if (i % 2 === 1) await saveResponse(db, customer.actor, { id: org.id }, { ...payload, answers: { nps: payload.answers.nps } }, { complete: false });
    await saveResponse(db, customer.actor, { id: org.id }, payload, { complete: true });
    // A retried submit changes nothing.
    if (i % 3 === 0) await saveResponse(db, customer.actor, { id: org.id }, payload, { complete: true });
  }
  return org;
}

/** The rollups added up over shards, comparable whatever shard each submission landed on. */
async function rollupTotals(db: Db, organizationId: string) {
  return db
    .select({ key: kpiDefinitions.key, segmentKey: kpiRollups.segmentKey, segmentValue: kpiRollups.segmentValue, month: kpiRollups.month, n: sql<number>`sum(${kpiRollups.n})::int`, sum: sql<number>`round(sum(${kpiRollups.sum})::numeric, 6)::float8`, topBox: sql<number>`sum(${kpiRollups.topBox})::int`, bottomBox: sql<number>`sum(${kpiRollups.bottomBox})::int` })
    .from(kpiRollups)
    .innerJoin(kpiDefinitions, eq(kpiDefinitions.id, kpiRollups.kpiId))
    .where(eq(kpiRollups.organizationId, organizationId))
    .groupBy(kpiDefinitions.key, kpiRollups.segmentKey, kpiRollups.segmentValue, kpiRollups.month)
    .orderBy(asc(kpiDefinitions.key), asc(kpiRollups.segmentKey), asc(kpiRollups.segmentValue));
}

describe("KPI rollups", () => {
  const database = useTestDatabase();

  it("count each completed response once, on every submission path, exactly as a recount from the stored answers", async () => {
    await database.inRollback(async (db) => {
      const languages = [...Array(9).fill("en"), ...Array(6).fill("ru")];
      const org = await councilWithAnswers(db, languages);
      const live = await rollupTotals(db, org.id);
      const everyone = live.filter((row) => row.segmentKey === "");
      expect(everyone.map((row) => [row.key, row.n])).toEqual([["council-nps", 15], ["csat-top-box", 15], ["empathy-index", 15]]);
      expect(live.filter((row) => row.key === "empathy-index" && row.segmentKey === "language").map((row) => [row.segmentValue, row.n])).toEqual([["en", 9], ["ru", 6]]);
      // CSAT 4 or 5 is top box: i % 5 of 3 or 4 → i = 3, 4, 8, 9, 13, 14.
      expect(everyone.find((row) => row.key === "csat-top-box")!.topBox).toBe(6);

      const ids = (await db.select({ id: kpiDefinitions.id }).from(kpiDefinitions).where(eq(kpiDefinitions.organizationId, org.id))).map((row) => row.id);
      await rebuildKpiRollups(db, org.id, ids);
      expect(await rollupTotals(db, org.id)).toEqual(live);
    });
  });

  it("keep an item's meaning when two instruments ask it on different scales", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const fivePoint: Definition = { ...pulse, questions: [{ id: "care", type: "likert", code: "SERVQUAL_EMP_1", points: 5, labels: [1, 2, 3, 4, 5].map((n) => ({ en: String(n) })), required: true, prompt: { en: "Staff cared" } }] };
      const sevenPoint: Definition = { ...pulse, questions: [bank("SERVQUAL_EMP_1", "care")] };
      for (const [definition, top] of [[fivePoint, 5], [sevenPoint, 7]] as const) {
        const { instrumentId } = await createOpenInstrument(db, org.id, { definition });
        for (let i = 0; i < 6; i++) {
          const customer = await createMember(db, org.id, "participant");
          // Half answer the top of their scale, half the middle.
          await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { care: i % 2 === 0 ? top : (top + 1) / 2 } }, { complete: true });
        }
      }
      const leader = await createMember(db, org.id, "leader");
      const empathy = (await getKpiOverview(db, leader.actor, { id: org.id })).kpis.find((kpi) => kpi.definition.key === "empathy-index")!;
      // Top of either scale is 100, its middle 50: the mean is 75 whichever scale each answered on.
      expect(empathy.latest?.value).toMatchObject({ status: "ok", estimate: { n: 12, value: expect.closeTo(75, 8) } });
    });
  });

  it("count nothing for a response that is only in progress", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: pulse });
      const customer = await createMember(db, org.id, "participant");
      await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { nps: 10, csat: 5 } }, { complete: false });
      expect(await rollupTotals(db, org.id)).toEqual([]);
    });
  });

  it("give leaders values with n and intervals, 'not enough data' below the minimum, and the diverging segment flagged", async () => {
    await database.inRollback(async (db) => {
      const org = await councilWithAnswers(db, [...Array(14).fill("en"), ...Array(12).fill("ru"), ...Array(3).fill("uk"), ...Array(3).fill("pl")]);
      const leader = await createMember(db, org.id, "leader");
      const overview = await getKpiOverview(db, leader.actor, { id: org.id });
      const empathy = overview.kpis.find((kpi) => kpi.definition.key === "empathy-index")!;
      expect(empathy.latest?.value).toMatchObject({ status: "ok", estimate: { n: 32, lower: expect.any(Number), upper: expect.any(Number) } });
      expect(overview.kpis.find((kpi) => kpi.definition.key === "frontline-pulse")).toMatchObject({ trend: [], latest: null, status: "noData" });

      const detail = await getKpiDetail(db, leader.actor, { id: org.id }, { key: "empathy-index", by: "language" });
      expect(detail.segmentKeys).toEqual(["language", "region"]);
      const byValue = new Map(detail.split!.segments.map((segment) => [segment.value, segment]));
      expect(byValue.get("ru")).toMatchObject({ suppressed: false, difference: "below", kpi: { status: "ok", estimate: { n: 12 } } });
      // A window that does not start a quarter is read as the quarter it falls in.
      const shifted = await getKpiDetail(db, leader.actor, { id: org.id }, { key: "empathy-index", by: "language", period: `${detail.split!.from.slice(0, 5)}${String(Number(detail.split!.from.slice(5, 7)) + 1).padStart(2, "0")}-01` });
      expect([shifted.split!.from, shifted.split!.to]).toEqual([detail.split!.from, detail.split!.to]);
      // Three answers each are under the organization's anonymity threshold of five; together the six withheld cannot be told apart.
      expect(byValue.get("uk")).toEqual({ value: "uk", suppressed: true, reason: "too_few_responses" });
      expect(byValue.get("pl")).toEqual({ value: "pl", suppressed: true, reason: "too_few_responses" });
    });
  });

  it("refuse the dashboard's numbers to anyone outside the organization or without the permission", async () => {
    await database.inRollback(async (db) => {
      const org = await councilWithAnswers(db, Array(10).fill("en"));
      const other = await createOrganization(db);
      const outsider = await createMember(db, other.id, "leader");
      const customer = await createMember(db, org.id, "participant");
      await expect(getKpiOverview(db, outsider.actor, { id: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getKpiDetail(db, outsider.actor, { id: org.id }, { key: "empathy-index" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getKpiOverview(db, customer.actor, { id: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getKpiDetail(db, (await createMember(db, org.id, "leader")).actor, { id: org.id }, { key: "no-such-kpi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
