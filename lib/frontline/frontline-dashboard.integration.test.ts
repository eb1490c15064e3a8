import { describe, expect, it } from "vitest";
import { cycleNotifications, organizations, programCycles } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { meanWithInterval, wilsonInterval } from "@/lib/statistics/intervals";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { answerPulse, createFrontlineCycle, createFrontlineProgram, createStaff, pulseAnswers } from "@/tests/frontline-factories";
import { getFrontlineDashboard } from "./frontline-dashboard";

/**
 * 26 staff: Care in Warsaw 8, Care in Riga 4, Repairs in Warsaw 3, Store in Gdańsk 10, and one who
 * left before August. In August everyone answers but one Store colleague: 24 answers.
 */
async function frontlineOrg(db: Db, settings: { minGroupSize?: number; minCommentGroupSize?: number } = {}) {
  const org = await createOrganization(db, settings);
  const leader = await createMember(db, org.id, "leader");
  const program = await createFrontlineProgram(db, org.id);
  const august = await createFrontlineCycle(db, org.id, program.id, 0);
  const groups: Array<[string, string, number, number[]]> = [
    ["Care", "Warsaw", 8, [3, 4, 5, 4]],
    ["Care", "Riga", 4, [2, 3]],
    ["Repairs", "Warsaw", 3, [1]],
    ["Store", "Gdańsk", 10, [5, 4]],
  ];
  const staff = [];
  for (const [team, location, size, points] of groups) {
    for (let i = 0; i < size; i++) {
      const person = await createStaff(db, org.id, { team, location, role: "Associate" });
      staff.push(person);
      if (team === "Store" && i === 0) continue;
      // Two people in Warsaw's Care team write the same words, so comments group them.
      const note = team === "Care" && location === "Warsaw" ? `${team} ${location} note ${i % 4}` : `${team} ${location} note ${i}`;
      await answerPulse(db, org.id, august, person, pulseAnswers(points[i % points.length], team === "Store" ? "stock" : "waiting", note));
    }
  }
  await createStaff(db, org.id, { team: "Store", location: "Gdańsk" }, { deactivatedAt: new Date("2026-07-01T00:00:00Z") });
  return { org, leader, program, august, staff };
}

const pulse = (points: number[]) => {
  const { value, lower, upper, n } = meanWithInterval(points.map((point) => ((point - 1) / 4) * 100));
  return { suppressed: false, n, value: expect.closeTo(value, 8), lower: expect.closeTo(lower!, 8), upper: expect.closeTo(upper!, 8) };
};

describe("frontline dashboard", () => {
  const database = useTestDatabase();

  it("shows the response rate with a Wilson interval and the pulse with n and a t-interval", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      const dashboard = await getFrontlineDashboard(db, leader.actor, { id: org.id }, {});
      if (!dashboard.program) throw new Error("expected a program");
      expect(dashboard.trend).toHaveLength(1);
      const [august] = dashboard.trend;
      expect(august).toMatchObject({ sequence: 0, invited: 25, responded: 24, status: "closed" });
      expect(august.responseRate).toEqual(wilsonInterval(24, 25));
      const all = [...[3, 4, 5, 4, 3, 4, 5, 4], ...[2, 3, 2, 3], ...[1, 1, 1], ...[4, 5, 4, 5, 4, 5, 4, 5, 4]];
      expect(august.pulse).toEqual(pulse(all));
      expect(august.pulse).toMatchObject({ n: 24 });
    });
  });

  it("withholds a small team's score and the next smallest one, but still shows every team's response rate", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      const dashboard = await getFrontlineDashboard(db, leader.actor, { id: org.id }, {});
      if (!dashboard.program) throw new Error("expected a program");
      const teams = Object.fromEntries(dashboard.selectedCycle!.teams.map((row) => [row.key, row]));
      expect(teams.Repairs).toEqual({ key: "Repairs", invited: 3, responded: 3, responseRate: wilsonInterval(3, 3), pulse: { suppressed: true, reason: "too_few_responses" } });
      // Store (9) is the next smallest: shown, it would give Repairs away as 24 − 12 − 9.
      expect(teams.Store.pulse).toEqual({ suppressed: true, reason: "complementary" });
      expect(teams.Store).toMatchObject({ invited: 10, responded: 9 });
      expect(teams.Care.pulse).toEqual(pulse([3, 4, 5, 4, 3, 4, 5, 4, 2, 3, 2, 3]));
      const locations = Object.fromEntries(dashboard.selectedCycle!.locations.map((row) => [row.key, row.pulse]));
      expect(locations).toEqual({ Riga: { suppressed: true, reason: "too_few_responses" }, "Gdańsk": { suppressed: true, reason: "complementary" }, Warsaw: pulse([3, 4, 5, 4, 3, 4, 5, 4, 1, 1, 1]) });
    });
  });

  it("withholds everything about a filtered group that is too small, so no number reaches the client", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      const dashboard = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Repairs" });
      if (!dashboard.program) throw new Error("expected a program");
      expect(dashboard.trend[0].pulse).toEqual({ suppressed: true, reason: "too_few_responses" });
      expect(dashboard.selectedCycle!.painPoints).toEqual({ suppressed: true, reason: "too_few_responses" });
      expect(dashboard.selectedCycle!.comments).toEqual({ suppressed: true, reason: "too_few_for_comments" });
      expect(dashboard.painPointsAllCycles).toEqual({ suppressed: true, reason: "too_few_responses" });
      expect(dashboard.selectedCycle!.locations.map((row) => row.pulse)).toEqual([{ suppressed: true, reason: "too_few_responses" }]);
      expect(JSON.stringify(dashboard)).not.toContain("Repairs Warsaw note");
    });
  });

  it("keeps a complement hidden when the filter asks for it directly", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      // Store (9) is withheld in the team table to protect Repairs (3); filtering to Store must not show it either,
      // or the overall score minus Care and Store would give Repairs away.
      for (const filters of [{ team: "Store" }, { location: "Gdańsk" }]) {
        const dashboard = await getFrontlineDashboard(db, leader.actor, { id: org.id }, filters);
        if (!dashboard.program) throw new Error("expected a program");
        expect(dashboard.trend[0].pulse).toEqual({ suppressed: true, reason: "complementary" });
        expect(dashboard.selectedCycle!.painPoints).toEqual({ suppressed: true, reason: "complementary" });
        expect(dashboard.trend[0]).toMatchObject({ responded: 9 });
      }
    });
  });

  it("refuses a combination of filters that singles out a small group by subtraction", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      // Care in Warsaw has 8 answers, but all of Warsaw has 11: the difference would describe Repairs' 3.
      const combined = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Care", location: "Warsaw" });
      if (!combined.program) throw new Error("expected a program");
      expect(combined.trend[0].pulse).toEqual({ suppressed: true, reason: "derivable_by_difference" });
      expect(combined.selectedCycle!.painPoints).toEqual({ suppressed: true, reason: "derivable_by_difference" });
      // Each filter alone is fine.
      const warsaw = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { location: "Warsaw" });
      if (!warsaw.program) throw new Error("expected a program");
      expect(warsaw.trend[0].pulse).toEqual(pulse([3, 4, 5, 4, 3, 4, 5, 4, 1, 1, 1]));
      // Inside Care, the Warsaw cell is withheld for the same reason, and Riga for its size.
      const care = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Care" });
      if (!care.program) throw new Error("expected a program");
      expect(care.trend[0].pulse).toMatchObject({ suppressed: false, n: 12 });
      expect(Object.fromEntries(care.selectedCycle!.locations.map((row) => [row.key, row.pulse]))).toEqual({ Riga: { suppressed: true, reason: "too_few_responses" }, Warsaw: { suppressed: true, reason: "derivable_by_difference" } });
    });
  });

  it("shows comments only for groups of at least the comment minimum, alphabetically", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      const care = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Care" });
      if (!care.program) throw new Error("expected a program");
      const comments = care.selectedCycle!.comments;
      if (comments.suppressed) throw new Error("expected comments");
      expect(comments.n).toBe(12);
      expect(comments.texts).toHaveLength(8);
      expect(comments.texts).toEqual([
        ...[0, 1, 2, 3].map((i) => ({ text: `Care Warsaw note ${i}`, count: 2 })),
        ...[0, 1, 2, 3].map((i) => ({ text: `Care Riga note ${i}`, count: 1 })),
      ]);
      expect(comments.texts.reduce((sum, group) => sum + group.count, 0)).toBe(12);
      const store = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Store" });
      if (!store.program) throw new Error("expected a program");
      expect(store.selectedCycle!.comments).toEqual({ suppressed: true, reason: "too_few_for_comments" });
      expect(JSON.stringify(store)).not.toContain("note");
    });
  });

  it("follows the organization's thresholds, never below 3", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db, { minGroupSize: 3, minCommentGroupSize: 3 });
      const repairs = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Repairs" });
      if (!repairs.program) throw new Error("expected a program");
      expect(repairs.thresholds).toEqual({ minGroupSize: 3, minCommentGroupSize: 3 });
      expect(repairs.trend[0].pulse).toEqual(pulse([1, 1, 1]));
      await db.update(organizations).set({ minGroupSize: 1, minCommentGroupSize: 1 }).where(eq(organizations.id, org.id));
      const clamped = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Repairs" });
      expect(clamped.thresholds).toEqual({ minGroupSize: 3, minCommentGroupSize: 3 });
      await db.update(organizations).set({ minGroupSize: 4 }).where(eq(organizations.id, org.id));
      const stricter = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { team: "Repairs" });
      if (!stricter.program) throw new Error("expected a program");
      expect(stricter.trend[0].pulse).toEqual({ suppressed: true, reason: "too_few_responses" });
    });
  });

  it("counts the invitations sent when a cycle has them, and picks the latest closed cycle", async () => {
    await database.inRollback(async (db) => {
      const { org, leader, program, staff } = await frontlineOrg(db);
      const september = await createFrontlineCycle(db, org.id, program.id, 1, "open");
      const invitees = staff.slice(0, 6);
      await db.insert(cycleNotifications).values(invitees.map((person) => ({ cycleId: september.cycleId, userId: person.userId, kind: "invitation" as const, sequence: 0 })));
      await db.insert(cycleNotifications).values(invitees.map((person) => ({ cycleId: september.cycleId, userId: person.userId, kind: "reminder" as const, sequence: 1 })));
      for (const person of invitees.slice(0, 4)) await answerPulse(db, org.id, september, person, pulseAnswers(4, "waiting"));
      // A month whose window passed while the app was down was closed without opening: no data point.
      const missed = await createFrontlineCycle(db, org.id, program.id, 2, "closed");
      await db.update(programCycles).set({ openedAt: null }).where(eq(programCycles.id, missed.cycleId));
      const dashboard = await getFrontlineDashboard(db, leader.actor, { id: org.id }, {});
      if (!dashboard.program) throw new Error("expected a program");
      expect(dashboard.trend.map((cycle) => [cycle.sequence, cycle.invited, cycle.responded])).toEqual([[0, 25, 24], [1, 6, 4]]);
      expect(dashboard.trend[1].pulse).toEqual({ suppressed: true, reason: "too_few_responses" });
      expect(dashboard.selectedCycle?.sequence).toBe(0);
      const chosen = await getFrontlineDashboard(db, leader.actor, { id: org.id }, { cycle: 1 });
      if (!chosen.program) throw new Error("expected a program");
      expect(chosen.selectedCycle?.sequence).toBe(1);
    });
  });

  it("ranks pain points for the latest cycle and across cycles", async () => {
    await database.inRollback(async (db) => {
      const { org, leader } = await frontlineOrg(db);
      const dashboard = await getFrontlineDashboard(db, leader.actor, { id: org.id }, {});
      if (!dashboard.program) throw new Error("expected a program");
      const latest = dashboard.selectedCycle!.painPoints;
      if (latest.suppressed) throw new Error("expected pain points");
      expect(latest.n).toBe(24);
      expect(latest.counts.slice(0, 2)).toEqual([{ area: "waiting", count: 15 }, { area: "stock", count: 9 }]);
      expect(latest.counts).toHaveLength(7);
      expect(dashboard.painPointsAllCycles).toEqual(latest);
    });
  });

  it("is for leaders, researchers and admins only, and names nobody", async () => {
    await database.inRollback(async (db) => {
      const { org, leader, staff } = await frontlineOrg(db);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(getFrontlineDashboard(db, staff[0].actor, { id: org.id }, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      const participant = await createMember(db, org.id, "participant");
      await expect(getFrontlineDashboard(db, participant.actor, { id: org.id }, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      const stranger = await createMember(db, (await createOrganization(db)).id, "leader");
      await expect(getFrontlineDashboard(db, stranger.actor, { id: org.id }, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
      const dashboard = await getFrontlineDashboard(db, researcher.actor, { id: org.id }, {});
      const json = JSON.stringify(dashboard);
      for (const person of [...staff, leader]) {
        expect(json).not.toContain(person.userId);
        expect(json).not.toContain(person.email);
      }
    });
  });

  it("answers an organization without a frontline program with an empty dashboard", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      expect(await getFrontlineDashboard(db, leader.actor, { id: org.id }, {})).toEqual({ program: null, thresholds: { minGroupSize: 5, minCommentGroupSize: 10 } });
    });
  });
});
