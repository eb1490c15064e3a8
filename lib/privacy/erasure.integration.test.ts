import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { rowsOf } from "@/db/rows";
import { auditLog, cycleMemos, decisions, insightEvidence, liveAnswers, livePollTallies, memberships, responseAnswers, responses, users } from "@/db/schema";
import type { DecisionEvidence } from "@/lib/decisions/evidence";
import { submitFieldReport } from "@/lib/field-reports/submit-field-report";
import { kpiSummaries } from "@/lib/kpis/get-kpi-overview";
import { rebuildKpiRollups } from "@/lib/kpis/rebuild-kpi-rollups";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { eraseMyData, erasePerson } from "./erase-person";
import { councilWithPerson, tablesHolding } from "@/tests/erasure-factories";
import { previewMyErasure, previewPersonErasure } from "./preview-erasure";
import { setErasurePolicy } from "./set-erasure-policy";

/** Every KPI rollup of the organization summed over shards, keyed by KPI, month and segment. */
async function rollupTotals(db: Db, organizationId: string) {
  const rows = rowsOf<{ key: string; n: number; sum: number; topBox: number; bottomBox: number }>(
    await db.execute(sql`
      select kpi_id || '|' || month || '|' || segment_key || '=' || segment_value as key, sum(n)::int as n, sum(sum)::float8 as sum, sum(top_box)::int as "topBox", sum(bottom_box)::int as "bottomBox"
      from kpi_rollups where organization_id = ${organizationId}::uuid group by 1 having sum(n) <> 0 order by 1`),
  );
  return rows.map((row) => ({ ...row, n: Number(row.n), sum: Math.round(Number(row.sum) * 1e6) / 1e6 }));
}

describe("erasing a person", () => {
  const database = useTestDatabase();

  it("keeps their numbers anonymously and leaves no row that holds them, their words or a key back to them", async () => {
    await database.inRollback(async (db) => {
      const world = await councilWithPerson(db);
      const { org, admin, person, texts } = world;
      const organization = { id: org.id, minGroupSize: 3, minCommentGroupSize: 3 };
      const [{ userId, membershipId, email }] = [person];
      const ownResponses = (await db.select({ id: responses.id, status: responses.status }).from(responses).where(eq(responses.respondentUserId, userId)));
      const completedId = ownResponses.find((row) => row.status === "completed")!.id;
      const needles = [email, `Zofia Erasable`, userId, membershipId, ...Object.values(texts)];
      // The scan can see them before: a scan that could not find them would prove nothing.
      expect(await tablesHolding(db, needles)).toEqual(expect.arrayContaining(["interview_notes", "coding_items", "responses", "live_posts"]));
      // Their comment, the "other" text of a choice, their post and the interview are coded and cited.
      expect(world.codedItems).toBe(4);

      const other = await createOrganization(db);
      const outsider = await createMember(db, other.id, "participant");
      const { instrumentId } = await createOpenInstrument(db, other.id);
      await saveResponse(db, outsider.actor, { id: other.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { nps: 9, emp: 5, comment: "Elsewhere" } }, { complete: true });
      const otherAdmin = await createMember(db, other.id, "admin");
      const otherBefore = await db.select().from(responses).where(eq(responses.organizationId, other.id));

      await expect(erasePerson(db, otherAdmin.actor, org.id, { membershipId, confirmation: email })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(erasePerson(db, otherAdmin.actor, other.id, { membershipId, confirmation: email })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(erasePerson(db, admin.actor, org.id, { email, confirmation: "someone@else.test" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { confirmation: "privacyConfirmMismatch" } });

      const kpisBefore = await kpiSummaries(db, organization);
      const receipt = await erasePerson(db, admin.actor, org.id, { email: email.toUpperCase(), confirmation: email, reference: "REQ-42" });
      expect(receipt).toMatchObject({ policy: "keep_anonymous", responses: 1, posts: 1, reports: 0, isAccountDeleted: true });

      expect(await tablesHolding(db, needles)).toEqual([]);
      expect(await db.select().from(insightEvidence).where(eq(insightEvidence.insightId, world.insightId))).toEqual([]);
      const [kept] = await db.select().from(responses).where(eq(responses.id, completedId));
      expect(kept).toMatchObject({ respondentUserId: null, status: "completed" });
      expect(kept.anonymizedAt).not.toBeNull();
      expect(kept.answers).toEqual({ nps: 3, emp: 2, depts: { choiceIds: ["shoes"] } });
      expect((await db.select({ questionId: responseAnswers.questionId }).from(responseAnswers).where(eq(responseAnswers.responseId, completedId))).map((row) => row.questionId).sort()).toEqual(["depts", "emp", "nps"]);
      expect(await kpiSummaries(db, organization)).toEqual(kpisBefore);

      const [memo] = await db.select({ quotes: cycleMemos.quotes }).from(cycleMemos).where(eq(cycleMemos.cycleId, world.cycle.id));
      expect(memo.quotes.map((quote) => quote.text)).toEqual([expect.stringContaining("Another voice 0")]);
      const [decision] = await db.select({ evidence: decisions.evidence }).from(decisions).where(eq(decisions.id, world.decisionId));
      expect((decision.evidence as DecisionEvidence).items.map((item) => item.type)).toEqual(["kpi", "quote"]);
      // The poll's tallies still count them; their answer is there without them.
      expect(await db.select({ n: livePollTallies.n }).from(livePollTallies).where(and(eq(livePollTallies.pollId, world.singlePollId), eq(livePollTallies.attribute, ""), eq(livePollTallies.bucket, "_all")))).toEqual([{ n: 2 }]);
      expect(await db.select({ userId: liveAnswers.userId, value: liveAnswers.value }).from(liveAnswers).where(eq(liveAnswers.pollId, world.textPollId))).toEqual([{ userId: null, value: "" }]);

      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "person.erased")));
      expect(entry).toMatchObject({ actorUserId: admin.userId, targetType: "person", targetId: receipt.receiptId, details: { policy: "keep_anonymous", responses: 1, posts: 1, reports: 0, byRequest: true, reference: "REQ-42" } });
      const joined = await db.select({ actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "council.joined")));
      expect(joined).toEqual([{ actorUserId: null, details: { membershipId: null } }]);

      expect(await db.select().from(responses).where(eq(responses.organizationId, other.id))).toEqual(otherBefore);
      // Outside an erasure the log stays append-only (the test's own transaction still carries the erasure's setting: end it).
      await db.execute(sql`select set_config('attune.erasure', 'off', true)`);
      await expect(db.transaction((tx) => tx.execute(sql`update audit_log set action = 'x' where id = ${entry.id}`))).rejects.toThrow();
      await expect(db.transaction((tx) => tx.execute(sql`delete from audit_log where id = ${entry.id}`))).rejects.toThrow();
    });
  });

  it("under the delete policy takes their answers out of the KPI rollups exactly, and keeps the account another organization still uses", async () => {
    await database.inRollback(async (db) => {
      const world = await councilWithPerson(db, { policy: "delete" });
      const { org, person } = world;
      const other = await createOrganization(db);
      await db.insert(memberships).values({ organizationId: other.id, userId: person.userId, role: "participant" });
      const { instrumentId } = await createOpenInstrument(db, other.id);
      await saveResponse(db, person.actor, { id: other.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { nps: 9, emp: 5 } }, { complete: true });
      const rollupsBefore = await rollupTotals(db, org.id);

      const receipt = await eraseMyData(db, person.actor, { id: org.id }, { confirmation: person.email });
      expect(receipt).toMatchObject({ policy: "delete", responses: 1, posts: 1, isAccountDeleted: false });

      const after = await rollupTotals(db, org.id);
      expect(after).not.toEqual(rollupsBefore);
      const kpiIds = rowsOf<{ id: string }>(await db.execute(sql`select id from kpi_definitions where organization_id = ${org.id}::uuid`)).map((row) => row.id);
      await rebuildKpiRollups(db, org.id, kpiIds);
      expect(await rollupTotals(db, org.id)).toEqual(after);
      expect(await db.select({ n: livePollTallies.n }).from(livePollTallies).where(and(eq(livePollTallies.pollId, world.singlePollId), eq(livePollTallies.attribute, ""), eq(livePollTallies.bucket, "_all")))).toEqual([{ n: 1 }]);
      expect(await db.select().from(liveAnswers).where(eq(liveAnswers.pollId, world.textPollId))).toEqual([]);

      expect(await db.select({ id: users.id }).from(users).where(eq(users.id, person.userId))).toHaveLength(1);
      expect(await db.select({ id: responses.id }).from(responses).where(and(eq(responses.respondentUserId, person.userId), eq(responses.organizationId, other.id)))).toHaveLength(1);
      expect(await db.select({ id: responses.id }).from(responses).where(and(eq(responses.respondentUserId, person.userId), eq(responses.organizationId, org.id)))).toEqual([]);
      await expect(eraseMyData(db, person.actor, { id: org.id }, { confirmation: person.email })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "person.erased")));
      expect(entry).toMatchObject({ actorUserId: null, details: { policy: "delete", byRequest: false } });
    });
  });

  it("deletes a frontline member's reports and the mail that carried them; staff with a say must be demoted first", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      await createMember(db, org.id, "researcher");
      const staff = await createMember(db, org.id, "frontline", { name: "Piotr Frontline" });
      const body = `Customer shouted at the till ${randomUUID().slice(0, 6)}`;
      await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "pain_point", urgency: "urgent", body }, { baseUrl: "http://localhost" });
      const { runDueJobs } = await import("@/lib/jobs/queue");
      const { jobHandlers } = await import("@/lib/jobs/handlers");
      await runDueJobs(db, jobHandlers, new Date(Date.now() + 60_000));
      expect(await tablesHolding(db, [body])).toEqual(expect.arrayContaining(["dev_mailbox", "field_reports"]));

      const receipt = await erasePerson(db, admin.actor, org.id, { membershipId: staff.membershipId, confirmation: staff.email });
      expect(receipt).toMatchObject({ reports: 1, isAccountDeleted: true });
      expect(await tablesHolding(db, [body, staff.email, staff.userId, staff.membershipId, "Piotr Frontline"])).toEqual([]);

      await expect(erasePerson(db, admin.actor, org.id, { membershipId: admin.membershipId, confirmation: admin.email })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "privacyEraseStaffFirst" });
      await expect(eraseMyData(db, admin.actor, { id: org.id }, { confirmation: admin.email })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "privacyEraseStaffFirst" });
      const participant = await createMember(db, org.id, "participant");
      await expect(erasePerson(db, participant.actor, org.id, { membershipId: admin.membershipId, confirmation: admin.email })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("shows what an erasure would take before anyone confirms, and lets only admins change the policy, audited", async () => {
    await database.inRollback(async (db) => {
      const { org, admin, person, researcher } = await councilWithPerson(db);
      const expected = { policy: "keep_anonymous", role: "participant", isErasable: true, scope: { responses: 1, inProgress: 1, posts: 1, liveAnswers: 2, reports: 0, quotes: 1, hasOtherOrganizations: false } };
      expect(await previewPersonErasure(db, admin.actor, org.id, { email: person.email })).toMatchObject({ ...expected, membershipId: person.membershipId });
      expect(await previewMyErasure(db, person.actor, { id: org.id })).toMatchObject(expected);
      await expect(previewPersonErasure(db, admin.actor, org.id, { email: "nobody@example.test" })).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "privacyPersonNotFound" });
      expect(await previewPersonErasure(db, admin.actor, org.id, { email: admin.email })).toMatchObject({ role: "admin", isErasable: false });

      await expect(setErasurePolicy(db, researcher.actor, org.id, { policy: "delete" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await setErasurePolicy(db, admin.actor, org.id, { policy: "delete" });
      await setErasurePolicy(db, admin.actor, org.id, { policy: "delete" });
      expect((await previewMyErasure(db, person.actor, { id: org.id })).policy).toBe("delete");
      const changes = await db.select({ actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "organization.erasure_policy_changed")));
      expect(changes).toEqual([{ actorUserId: admin.userId, details: { from: "keep_anonymous", to: "delete" } }]);
    });
  });
});
