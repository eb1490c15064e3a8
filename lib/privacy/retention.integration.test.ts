import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cycleMemos, decisions, instruments, jobs, liveAnswers, livePosts, responses } from "@/db/schema";
import type { DecisionEvidence } from "@/lib/decisions/evidence";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { kpiSummaries } from "@/lib/kpis/get-kpi-overview";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { councilWithPerson, tablesHolding } from "@/tests/erasure-factories";
import { getPrivacyOverview } from "./get-privacy-overview";
import { purgeExpiredData } from "./purge-expired-data";
import { RETENTION_JOB } from "./schemas";
import { setProgramRetention } from "./set-program-retention";

const SET_AT = new Date("2027-05-31T03:00:00Z");
const RUN_AT = new Date("2027-06-01T02:00:00Z");

describe("retention", () => {
  const database = useTestDatabase();

  it("purges identifiable data and free text past the period at the daily run, keeps recent answers and numbers, and says beforehand what it will take", async () => {
    await database.inRollback(async (db) => {
      const world = await councilWithPerson(db);
      const { org, admin, program, others, texts } = world;
      const organization = { id: org.id, minGroupSize: 3, minCommentGroupSize: 3 };
      // A recent answer to another survey of the same council: younger than the retention.
      const recent = await createOpenInstrument(db, org.id);
      await db.update(instruments).set({ programId: program.id }).where(eq(instruments.id, recent.instrumentId));
      const recentId = randomUUID();
      await saveResponse(db, others[1].actor, { id: org.id }, { responseId: recentId, instrumentId: recent.instrumentId, locale: "en", answers: { nps: 6, emp: 3, comment: "Recent words stay" } }, { complete: true }, new Date("2027-05-20T10:00:00Z"));

      await expect(setProgramRetention(db, world.person.actor, org.id, { programId: program.id, retentionMonths: 3 }, SET_AT)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setProgramRetention(db, admin.actor, org.id, { programId: program.id, retentionMonths: 0 }, SET_AT)).rejects.toThrow();
      await setProgramRetention(db, admin.actor, org.id, { programId: program.id, retentionMonths: 3 }, SET_AT);
      const [planned] = await db.select({ runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.organizationId, org.id), eq(jobs.kind, RETENTION_JOB.purge)));
      expect(planned.runAt).toEqual(RUN_AT);

      const before = await getPrivacyOverview(db, admin.actor, org.id, SET_AT);
      const council = before.programs.find((candidate) => candidate.id === program.id)!;
      expect(council).toMatchObject({ retentionMonths: 3, preview: { due: { responses: 4, liveAnswers: 3, posts: 1, reports: 0, interviews: 1 }, oldestPurgedOn: RUN_AT } });
      const kpisBefore = await kpiSummaries(db, organization);

      await runDueJobs(db, jobHandlers, RUN_AT);
      const [purged] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "retention.purged")));
      expect(purged).toMatchObject({ actorUserId: null, targetType: "program", targetId: program.id, details: { retentionMonths: 3, responses: 4, liveAnswers: 3, posts: 1, reports: 0, interviews: 1 } });
      expect(await tablesHolding(db, [texts.comment, texts.other, texts.post, texts.live, texts.interview, "Another voice"])).toEqual([]);
      const old = await db.select({ respondent: responses.respondentUserId, anonymizedAt: responses.anonymizedAt }).from(responses).where(eq(responses.instrumentId, world.cycle.instrumentId!));
      expect(old).toHaveLength(4);
      expect(old.every((row) => row.respondent === null && row.anonymizedAt !== null)).toBe(true);
      const [kept] = await db.select().from(responses).where(eq(responses.id, recentId));
      expect(kept).toMatchObject({ respondentUserId: others[1].userId, anonymizedAt: null, answers: { comment: "Recent words stay" } });
      expect(await kpiSummaries(db, organization)).toEqual(kpisBefore);
      expect(await db.select({ userId: liveAnswers.userId }).from(liveAnswers).where(eq(liveAnswers.sessionId, world.sessionId))).toEqual([{ userId: null }, { userId: null }, { userId: null }]);
      expect(await db.select().from(livePosts).where(eq(livePosts.sessionId, world.sessionId))).toEqual([]);
      const [memo] = await db.select({ quotes: cycleMemos.quotes }).from(cycleMemos).where(eq(cycleMemos.cycleId, world.cycle.id));
      expect(memo.quotes).toEqual([]);
      const [decision] = await db.select({ evidence: decisions.evidence }).from(decisions).where(eq(decisions.id, world.decisionId));
      expect((decision.evidence as DecisionEvidence).items.map((item) => item.type)).toEqual(["kpi"]);
      // Tomorrow's run is planned.
      expect((await db.select({ runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.organizationId, org.id), eq(jobs.kind, RETENTION_JOB.purge), eq(jobs.status, "pending")))).map((job) => job.runAt)).toEqual([new Date("2027-06-02T02:00:00Z")]);

      expect(await purgeExpiredData(db, org.id, RUN_AT)).toEqual([]);
      expect(await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "retention.purged")))).toHaveLength(1);
      const after = (await getPrivacyOverview(db, admin.actor, org.id, RUN_AT)).programs.find((candidate) => candidate.id === program.id)!;
      expect(after.preview).toEqual({ due: { responses: 0, liveAnswers: 0, posts: 0, reports: 0, interviews: 0 }, oldestPurgedOn: new Date("2027-08-21T02:00:00Z") });
      const changes = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "program.retention_changed")));
      expect(changes).toEqual([{ details: { from: null, to: 3 } }]);
    });
  });
});
