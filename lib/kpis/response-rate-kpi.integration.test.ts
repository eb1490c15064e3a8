import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { eq } from "drizzle-orm";
import { cycleNotifications, programCycles } from "@/db/schema";
import { closeCycle } from "@/lib/cycles/close-cycle";
import { listProgrammeResponseRates } from "@/lib/programs/programme-response-rates";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { answerPulse, createFrontlineCycle, createFrontlineProgram, createStaff, pulseAnswers } from "@/tests/frontline-factories";
import { createKpi } from "./create-kpi";
import { getKpiDetail } from "./get-kpi-detail";
import { getKpiOverview } from "./get-kpi-overview";
import { getScorecard } from "./get-scorecard";
import { updateKpiSettings } from "./update-kpi-settings";

type Staff = Awaited<ReturnType<typeof createStaff>>;

/** A closed frontline month: everyone in `invited` was mailed, the first `answered` of them answered. */
async function runMonth(db: Db, orgId: string, programId: string, sequence: number, invited: Staff[], answered: number, status: "open" | "closed" = "closed") {
  const cycle = await createFrontlineCycle(db, orgId, programId, sequence, status);
  await db.insert(cycleNotifications).values(invited.map((staff) => ({ cycleId: cycle.cycleId, userId: staff.userId, kind: "invitation" as const, sequence: 0 })));
  for (const staff of invited.slice(0, answered)) await answerPulse(db, orgId, cycle, staff, pulseAnswers(4, "queues"));
  return cycle;
}

describe("response-rate KPIs", () => {
  const database = useTestDatabase();

  it("count who answered of who was invited per period, with a Wilson interval and a significant drop marked, for one programme or all", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const staff: Staff[] = [];
      for (let i = 0; i < 20; i++) staff.push(await createStaff(db, org.id, { team: "Care", location: "Riga" }));
      const stores = await createFrontlineProgram(db, org.id, "Store staff");
      const depot = await createFrontlineProgram(db, org.id, "Depot staff");
      await runMonth(db, org.id, stores.id, 1, staff, 15); // September: 15 of 20
      await runMonth(db, org.id, stores.id, 2, staff, 5); // October: 5 of 20
      await runMonth(db, org.id, depot.id, 1, staff.slice(0, 10), 10); // September: 10 of 10
      await runMonth(db, org.id, depot.id, 3, staff.slice(0, 10), 1, "open"); // November, still open: not a rate yet

      const storesRate = await createKpi(db, leader.actor, org.id, { name: "Store staff response rate", aggregation: "response_rate", programId: stores.id, period: "monthly" });
      const everyRate = await createKpi(db, leader.actor, org.id, { name: "Response rate", aggregation: "response_rate", programId: "", period: "monthly" });

      const detail = await getKpiDetail(db, leader.actor, { id: org.id }, { key: storesRate.key, by: "team" });
      expect(detail.definition).toMatchObject({ source: "response_rate", aggregation: "top_box", programName: "Store staff" });
      expect(detail.trend.map((point) => point.periodStart)).toEqual(["2026-09-01", "2026-10-01"]);
      const [september, october] = detail.trend.map((point) => (point.value.status === "ok" ? point.value.estimate : null));
      expect(september).toMatchObject({ value: 75, n: 20 });
      // Wilson 95% interval of 15/20: 53.1% to 88.8%.
      expect(september!.lower).toBeCloseTo(53.13, 1);
      expect(september!.upper).toBeCloseTo(88.81, 1);
      expect(october).toMatchObject({ value: 25, n: 20 });
      expect(detail.trend[1].change).toBe("down");
      // Who answered is never split out: a response rate has no segments.
      expect(detail.segmentKeys).toEqual([]);
      expect(detail.split).toBeNull();

      const overview = await getKpiOverview(db, leader.actor, { id: org.id });
      const every = overview.kpis.find((kpi) => kpi.definition.id === everyRate.id)!;
      expect(every.trend.map((point) => (point.value.status === "ok" ? [point.periodStart, point.value.estimate.n, point.value.estimate.value] : null))).toEqual([
        ["2026-09-01", 30, (25 / 30) * 100],
        ["2026-10-01", 20, 25],
      ]);

      // It can carry a target and feed its owner's scorecard like any KPI.
      await updateKpiSettings(db, leader.actor, org.id, { key: storesRate.key, ownerUserId: leader.userId, period: "monthly", target: "60", incentiveWeight: "1" });
      const [card] = (await getScorecard(db, leader.actor, { id: org.id })).owners;
      // October fell significantly from September: the scorecard says so.
      expect(card.kpis).toMatchObject([{ key: storesRate.key, effectiveTarget: 60, flags: ["responseRateDrop"] }]);
      expect(card.kpis[0].attainment).toBeCloseTo(25 / 60, 10);

      // The dashboard's table of latest rounds reads the same rounds.
      const rates = await listProgrammeResponseRates(db, leader.actor, { id: org.id });
      expect(rates.map((rate) => [rate.name, rate.invited, rate.responded])).toEqual([
        ["Depot staff", 10, 1],
        ["Store staff", 20, 5],
      ]);
    });
  });

  it("refuse another organization's programme and an item KPI without items, creating nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const theirs = await createFrontlineProgram(db, other.id);
      await expect(createKpi(db, leader.actor, org.id, { name: "Their rate", aggregation: "response_rate", programId: theirs.id, period: "monthly" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { programId: "kpiProgrammeInvalid" } });
      await expect(createKpi(db, leader.actor, org.id, { name: "Empty mean", aggregation: "mean", itemCodes: "", period: "monthly" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "kpiItemsRequired", path: ["itemCodes"] })] });
      const { kpis } = await getKpiOverview(db, leader.actor, { id: org.id });
      expect(kpis.filter((kpi) => !kpi.definition.isBuiltIn)).toEqual([]);
    });
  });

  it("count a round as it stood when it closed: a row arriving later changes no rate", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const staff: Staff[] = [];
      for (let i = 0; i < 10; i++) staff.push(await createStaff(db, org.id, { team: "Care", location: "Riga" }));
      const programme = await createFrontlineProgram(db, org.id, "Store staff");
      const cycle = await runMonth(db, org.id, programme.id, 1, staff, 6, "open");
      const rate = await createKpi(db, leader.actor, org.id, { name: "Store staff response rate", aggregation: "response_rate", programId: programme.id, period: "monthly" });

      await closeCycle(db, { id: 1, kind: "cycle.close", organizationId: org.id, payload: { cycleId: cycle.cycleId }, attempts: 0, maxAttempts: 5, runAt: cycle.opensAt }, new Date(cycle.opensAt.getTime() + 10 * 86_400_000));
      const [closed] = await db.select({ invited: programCycles.invitedCount, responded: programCycles.respondedCount }).from(programCycles).where(eq(programCycles.id, cycle.cycleId));
      expect(closed).toEqual({ invited: 10, responded: 6 });
      await answerPulse(db, org.id, cycle, staff[6], pulseAnswers(4, "queues"));

      const detail = await getKpiDetail(db, leader.actor, { id: org.id }, { key: rate.key });
      expect(detail.latest?.value).toMatchObject({ status: "ok", estimate: { value: 60, n: 10 } });
    });
  });
});
