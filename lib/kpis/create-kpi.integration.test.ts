import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { createKpi } from "./create-kpi";
import { getKpiOverview } from "./get-kpi-overview";

const csat = { ...ITEM_BANK.find((item) => item.code === "CSAT")!.question, id: "csat" } as Question;
const survey: Definition = { title: { en: "Visit" }, defaultLocale: "en", requiredLocales: ["en"], questions: [csat] };

describe("custom KPIs", () => {
  const database = useTestDatabase();

  it("defines a KPI over item codes and counts the answers already stored, as a mean and as a top box", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: survey });
      // Ten answers: six 5s and four 3s on a five-point scale.
      for (const score of [5, 5, 5, 5, 5, 5, 3, 3, 3, 3]) {
        const customer = await createMember(db, org.id, "participant");
        await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { csat: score } }, { complete: true });
      }
      const mean = await createKpi(db, researcher.actor, org.id, { name: "Satisfaction", aggregation: "mean", itemCodes: "csat", period: "monthly" });
      const share = await createKpi(db, researcher.actor, org.id, { name: "Satisfaction", aggregation: "top_box", itemCodes: "CSAT", period: "monthly", topBoxFrom: "100" });
      expect([mean.key, share.key]).toEqual(["custom-satisfaction", "custom-satisfaction-2"]);
      const overview = await getKpiOverview(db, researcher.actor, { id: org.id });
      const valueOf = (key: string) => overview.kpis.find((kpi) => kpi.definition.key === key)!.latest?.value;
      // 5 is the top of the scale (100) and 3 its middle (50): the mean is 80, and 60% gave the top point.
      expect(valueOf(mean.key)).toMatchObject({ status: "ok", estimate: { n: 10, value: expect.closeTo(80, 6) } });
      expect(valueOf(share.key)).toMatchObject({ status: "ok", estimate: { n: 10, value: expect.closeTo(60, 6) } });
    });
  });

  it("refuses bad input and roles that may not define KPIs, writing nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const customer = await createMember(db, org.id, "participant");
      const valid = { name: "Effort", aggregation: "mean" as const, itemCodes: "CES", period: "quarterly" as const };
      await expect(createKpi(db, customer.actor, org.id, valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createKpi(db, leader.actor, org.id, { ...valid, itemCodes: " , " })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "kpiItemsRequired" })] });
      await expect(createKpi(db, leader.actor, org.id, { ...valid, itemCodes: "CES, 9LIVES" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "itemCodeInvalid" })] });
      await expect(createKpi(db, leader.actor, org.id, { ...valid, name: "E" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "kpiNameTooShort" })] });
      await expect(createKpi(db, leader.actor, org.id, { ...valid, aggregation: "median" as "mean" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "kpiAggregationInvalid" })] });
      expect((await getKpiOverview(db, leader.actor, { id: org.id })).kpis.filter((kpi) => !kpi.definition.isBuiltIn)).toEqual([]);
      const created = await createKpi(db, leader.actor, org.id, valid);
      expect((await getKpiOverview(db, leader.actor, { id: org.id })).kpis.find((kpi) => kpi.definition.key === created.key)).toMatchObject({ latest: null, status: "noData" });
    });
  });
});
