import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { programCycles } from "@/db/schema";
import type { Db } from "@/db/connect";
import { DAY_MS } from "@/lib/clock";
import { getCycleDetail } from "@/lib/cycles/get-cycle-detail";
import { listProgramCycles } from "@/lib/cycles/list-program-cycles";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createCouncilMember, createProgramWithTemplate, setCouncilMemberStatus } from "@/tests/cycle-factories";
import { createMember, createOrganization } from "@/tests/factories";
import { getPublishedMemo } from "./get-published-memo";
import { listPublishedMemos } from "./list-published-memos";
import { saveMemo } from "./save-memo";

const OPENS = new Date("2027-01-05T08:00:00Z");

/** A council whose first session ran with three members, two of whom answered; returns it closed or open. */
async function councilSession(db: Db, { close = true } = {}) {
  const org = await createOrganization(db, { minGroupSize: 2 });
  const { program, researcher } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS });
  const members = [await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id)];
  await planNextCycle(db, program.id);
  await runDueJobs(db, jobHandlers, OPENS);
  const [cycle] = await db.select().from(programCycles).where(eq(programCycles.programId, program.id)).orderBy(programCycles.sequence);
  for (const [index, member] of members.slice(0, 2).entries()) {
    await saveResponse(db, member.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: cycle.instrumentId!, locale: "en", answers: { nps: 8 + index, emp: 4, comment: `Quote ${index}` } }, { complete: true });
  }
  if (close) await runDueJobs(db, jobHandlers, new Date(OPENS.getTime() + 14 * DAY_MS));
  return { org, program, researcher, members, cycle };
}

describe("session memos", () => {
  const database = useTestDatabase();

  it("freezes the session's figures and the quoted answers' own text, and members read it once published", async () => {
    await database.inRollback(async (db) => {
      const { org, program, researcher, members, cycle } = await councilSession(db);
      const detail = await getCycleDetail(db, researcher.actor, org.id, program.id, cycle.id);
      expect(detail.figures).toMatchObject({ invited: 3, responded: 2 });
      expect(detail.figures.responseRate).toBeCloseTo(2 / 3);
      // The organization asks for groups of 2, but no figure is ever shown for fewer than 3 answers.
      expect(detail.figures.kpis.find((kpi) => kpi.code === "NPS")).toMatchObject({ value: null, n: 2 });
      expect(detail.answers.map((answer) => answer.text).sort()).toEqual(["Quote 0", "Quote 1"]);
      const [next, session] = await listProgramCycles(db, researcher.actor, org.id, program.id);
      expect(next).toMatchObject({ sequence: 1, status: "scheduled", invited: 0, responded: 0, responseRate: null });
      expect(session).toMatchObject({ sequence: 0, status: "closed", invited: 3, responded: 2, hasPublishedMemo: false });
      const quoted = detail.answers.find((answer) => answer.text === "Quote 1")!;

      await saveMemo(db, researcher.actor, org.id, program.id, { cycleId: cycle.id, title: "What we heard", body: "Waiting hurts.", quotes: [{ responseId: quoted.responseId, questionId: quoted.questionId }] });
      await expect(getPublishedMemo(db, members[0].actor, org.id, program.id, cycle.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await listPublishedMemos(db, members[0].actor, org.id, program.id)).toEqual([]);

      await saveMemo(db, researcher.actor, org.id, program.id, { cycleId: cycle.id, title: "What we heard", body: "Waiting hurts.", quotes: [{ responseId: quoted.responseId, questionId: quoted.questionId }], intent: "publish" });
      const memo = await getPublishedMemo(db, members[2].actor, org.id, program.id, cycle.id);
      expect((await listProgramCycles(db, researcher.actor, org.id, program.id))[1].hasPublishedMemo).toBe(true);
      expect(memo).toMatchObject({ title: "What we heard", body: "Waiting hurts.", quotes: ["Quote 1"], figures: { invited: 3, responded: 2 } });

      expect(await listPublishedMemos(db, members[2].actor, org.id, program.id)).toMatchObject([{ cycleId: cycle.id, title: "What we heard" }]);
      const outsider = await createMember(db, org.id, "participant");
      expect(await listPublishedMemos(db, outsider.actor, org.id, program.id)).toEqual([]);
      await expect(getPublishedMemo(db, outsider.actor, org.id, program.id, cycle.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await setCouncilMemberStatus(db, members[2].userId, "left");
      await expect(getPublishedMemo(db, members[2].actor, org.id, program.id, cycle.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("refuses a memo for a session still open and a quote that is not one of its answers", async () => {
    await database.inRollback(async (db) => {
      const open = await councilSession(db, { close: false });
      await expect(saveMemo(db, open.researcher.actor, open.org.id, open.program.id, { cycleId: open.cycle.id, title: "Too early" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "memoCycleNotClosed" });

      const closed = await councilSession(db);
      await expect(saveMemo(db, closed.researcher.actor, closed.org.id, closed.program.id, { cycleId: closed.cycle.id, title: "Made up", quotes: [{ responseId: randomUUID(), questionId: "comment" }] })).rejects.toMatchObject({ code: "INVALID", messageKey: "memoQuoteUnknown" });
      await expect(saveMemo(db, closed.members[0].actor, closed.org.id, closed.program.id, { cycleId: closed.cycle.id, title: "Not mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("answers not found for another tenant, a malformed or unknown session, and stays one memo when published twice", async () => {
    await database.inRollback(async (db) => {
      const { org, program, researcher, cycle } = await councilSession(db);
      const stranger = await createMember(db, (await createOrganization(db)).id, "researcher");
      const leader = await createMember(db, org.id, "leader");
      const memo = { cycleId: cycle.id, title: "What we heard", intent: "publish" as const };
      await expect(saveMemo(db, stranger.actor, org.id, program.id, memo)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveMemo(db, leader.actor, org.id, program.id, memo)).rejects.toMatchObject({ code: "FORBIDDEN" });
      for (const cycleId of ["not-a-uuid", "", randomUUID()]) {
        await expect(saveMemo(db, researcher.actor, org.id, program.id, { ...memo, cycleId }), cycleId).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      await expect(saveMemo(db, researcher.actor, org.id, "not-a-uuid", memo)).rejects.toMatchObject({ code: "NOT_FOUND" });

      // Two tabs, or a double click on Publish.
      const [first, second] = await Promise.all([saveMemo(db, researcher.actor, org.id, program.id, memo), saveMemo(db, researcher.actor, org.id, program.id, memo)]);
      expect(first).toEqual(second);
      expect(await listPublishedMemos(db, (await createCouncilMember(db, org.id, program.id)).actor, org.id, program.id)).toHaveLength(1);
    });
  });
});
