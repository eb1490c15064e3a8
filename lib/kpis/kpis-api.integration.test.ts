import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { memberships } from "@/db/schema";
import * as operations from "@/lib/api/operations/kpis";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { saveResponse } from "@/lib/responses/save-response";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { createKpi } from "./create-kpi";
import { ensureBuiltInKpis } from "./ensure-built-in-kpis";
import { listKpiValues, readKpiValues } from "./read-kpi-values";

const bank = (code: string, id: string) => ({ ...ITEM_BANK.find((item) => item.code === code)!.question, id }) as Question;
const empathyItems: Definition = { title: { en: "Pulse" }, defaultLocale: "en", requiredLocales: ["en"], questions: [1, 2, 3, 4, 5].map((n) => bank(`SERVQUAL_EMP_${n}`, `emp${n}`)) };
const EMPATHY_CODES = "SERVQUAL_EMP_1, SERVQUAL_EMP_2, SERVQUAL_EMP_3, SERVQUAL_EMP_4, SERVQUAL_EMP_5";

// The routes' handlers, as app/api/v1/kpis writes them.
const list: Parameters<typeof callApi<typeof operations.listKpis>>[2] = ({ db, actor, org }) => listKpiValues(db, actor, org);
const values: Parameters<typeof callApi<typeof operations.getKpiValues>>[2] = ({ db, actor, org, params, query }) => readKpiValues(db, actor, org, { key: params.kpiKey, ...query });

/** Fourteen English speakers answer 6 of 7 and three Russian speakers 3 of 7: too few to be shown apart (minimum 5). */
async function organizationAnswering(db: Db) {
  const org = await createOrganization(db);
  await ensureBuiltInKpis(db, org.id);
  const leader = await createMember(db, org.id, "leader");
  const { instrumentId } = await createOpenInstrument(db, org.id, { definition: empathyItems });
  for (const language of [...Array(14).fill("en"), ...Array(3).fill("ru")]) {
    const customer = await createMember(db, org.id, "participant");
    await db.update(memberships).set({ attributes: { language } }).where(eq(memberships.id, customer.membershipId));
    const score = language === "ru" ? 3 : 6;
    await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { emp1: score, emp2: score, emp3: score, emp4: score, emp5: score } }, { complete: true });
  }
  const empathy = await createKpi(db, leader.actor, org.id, { name: "Empathy", aggregation: "mean", itemCodes: EMPATHY_CODES, period: "monthly" });
  const english = await createKpi(db, leader.actor, org.id, { name: "Empathy, English speakers", aggregation: "mean", itemCodes: EMPATHY_CODES, segment: "language=en", period: "monthly" });
  return { org, empathy, english };
}

describe("KPI values through the public API", () => {
  const database = useTestDatabase();

  it("gives each KPI's value with n and interval, and withholds a small group's value and n exactly as the dashboard does", async () => {
    await database.inRollback(async (db) => {
      const { org, empathy, english } = await organizationAnswering(db);
      const key = await createApiKeyFor(db, org.id, ["kpis:read"]);

      const all = await callApi(db, operations.listKpis, list, { key: key });
      expect(all.status).toBe(200);
      expect(all.body.minN).toBe(10);
      const listed = all.body.data.find((kpi: { key: string }) => kpi.key === empathy.key);
      expect(listed).toMatchObject({ name: "Empathy", aggregation: "mean", period: "monthly", segment: null, targetStatus: "noTarget", latest: { n: 17, withheld: null } });
      expect(listed.latest.lower).toBeLessThan(listed.latest.value);
      expect(listed.latest.upper).toBeGreaterThan(listed.latest.value);

      const split = await callApi(db, operations.getKpiValues, values, { key: key, params: { kpiKey: empathy.key }, query: { by: "language" } });
      expect(split.status).toBe(200);
      expect(split.body.series).toEqual([expect.objectContaining({ n: 17, withheld: null })]);
      expect(split.body.splittableBy).toContain("language");
      const russian = split.body.split.segments.find((segment: { segment: string }) => segment.segment === "ru");
      expect(russian).toEqual({ segment: "ru", value: null, lower: null, upper: null, n: null, withheld: "too_few_responses", difference: null, adjustedP: null });
      // Nowhere in the answer is the three people's score (a third of the scale) or their count.
      expect(JSON.stringify(split.body)).not.toMatch(/33\.3/);
      for (const segment of split.body.split.segments) if (segment.withheld) expect([segment.value, segment.n]).toEqual([null, null]);

      // The English speakers' own KPI beside the organization's would show the three others by subtraction.
      const segmentKpi = await callApi(db, operations.getKpiValues, values, { key: key, params: { kpiKey: english.key } });
      expect(segmentKpi.body).toMatchObject({ segment: { key: "language", value: "en" }, latest: { value: null, n: null, withheld: "small_rest" }, split: null });
      expect(all.body.data.find((kpi: { key: string }) => kpi.key === english.key).latest).toMatchObject({ value: null, n: null, withheld: "small_rest" });
    });
  });

  it("answers 404 to another organization's key, 403 without the scope, 400 for a bad period", async () => {
    await database.inRollback(async (db) => {
      const { org, empathy } = await organizationAnswering(db);
      const other = await createOrganization(db);
      await ensureBuiltInKpis(db, other.id);
      const otherKey = await createApiKeyFor(db, other.id, ["kpis:read"]);
      expect((await callApi(db, operations.getKpiValues, values, { key: otherKey, params: { kpiKey: empathy.key } })).status).toBe(404);
      expect((await callApi(db, operations.listKpis, list, { key: otherKey })).body.data.map((kpi: { key: string }) => kpi.key)).not.toContain(empathy.key);

      const participantsKey = await createApiKeyFor(db, org.id, ["participants:write"]);
      expect((await callApi(db, operations.listKpis, list, { key: participantsKey })).status).toBe(403);
      expect((await callApi(db, operations.getKpiValues, values, { key: participantsKey, params: { kpiKey: empathy.key } })).status).toBe(403);
      const key = await createApiKeyFor(db, org.id, ["kpis:read"]);
      const bad = await callApi(db, operations.getKpiValues, values, { key: key, params: { kpiKey: empathy.key }, query: { period: "2027-13-01" } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: "/query/period", code: "kpiPeriodStartInvalid" })]);
    });
  });
});
