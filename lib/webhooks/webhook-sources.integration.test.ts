import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { alertRules, campaigns, fieldReports, instrumentVersions, liveSessions, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { closeCycle } from "@/lib/cycles/close-cycle";
import { recordDecision } from "@/lib/decisions/record-decision";
import type { Job } from "@/lib/jobs/queue";
import { endLiveSession } from "@/lib/live/end-live-session";
import { erasePerson } from "@/lib/privacy/erase-person";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createFrontlineCycle, createFrontlineProgram } from "@/tests/frontline-factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { createLiveTeam } from "@/tests/live-session-factories";
import { WEBHOOK_EVENT_SCHEMAS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events";

/** An organization with an admin and one endpoint that hears every event. */
async function listeningOrg(db: Db) {
  const org = await createOrganization(db);
  const admin = await createMember(db, org.id, "admin");
  await db.insert(webhookEndpoints).values({ organizationId: org.id, url: "https://hooks.example.com/all", events: WEBHOOK_EVENT_TYPES, secret: "whsec_test", createdByUserId: admin.userId });
  return { org, admin };
}

/** The deliveries written for one event type; each payload must satisfy the event's schema. */
async function delivered(db: Db, type: WebhookEventType) {
  const rows = await db.select({ payload: webhookDeliveries.payload, organizationId: webhookDeliveries.organizationId }).from(webhookDeliveries).where(eq(webhookDeliveries.eventType, type));
  for (const row of rows) WEBHOOK_EVENT_SCHEMAS[type].parse(row.payload);
  return rows;
}

describe("each source emits its event in its own transaction", () => {
  const database = useTestDatabase();

  it("response.created: once per completed response, on the one-statement path and the transactional one, never for partial saves or retries", async () => {
    await database.inRollback(async (db) => {
      const { org } = await listeningOrg(db);
      const { instrumentId } = await createOpenInstrument(db, org.id);
      const [{ versionId }] = await db.select({ versionId: instrumentVersions.id }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, instrumentId));
      const fast = await createMember(db, org.id, "participant");
      const slow = await createMember(db, org.id, "participant");
      const submittedAt = new Date("2027-02-01T10:00:00Z");

      const fastId = randomUUID();
      const payload = { responseId: fastId, instrumentId, locale: "en" as const, answers: { nps: 9, emp: 4, comment: "private words" } };
      await saveResponse(db, fast.actor, { id: org.id }, payload, { complete: true }, submittedAt);
      await saveResponse(db, fast.actor, { id: org.id }, payload, { complete: true }, submittedAt);

      const slowId = randomUUID();
      await saveResponse(db, slow.actor, { id: org.id }, { responseId: slowId, instrumentId, locale: "en", answers: { nps: 3 } }, { complete: false }, submittedAt);
      expect(await delivered(db, "response.created")).toHaveLength(1);
      await saveResponse(db, slow.actor, { id: org.id }, { responseId: slowId, instrumentId, locale: "en", answers: { nps: 3, emp: 2 } }, { complete: true }, submittedAt);

      const rows = await delivered(db, "response.created");
      expect(rows.map((row) => row.payload)).toEqual([
        { responseId: fastId, instrumentId, instrumentVersionId: versionId, programId: null, submittedAt: submittedAt.toISOString() },
        { responseId: slowId, instrumentId, instrumentVersionId: versionId, programId: null, submittedAt: submittedAt.toISOString() },
      ]);
      expect(JSON.stringify(rows)).not.toContain("private words");
    });
  });

  it("cycle.closed: when a cycle closes, with its counts", async () => {
    await database.inRollback(async (db) => {
      const { org } = await listeningOrg(db);
      const program = await createFrontlineProgram(db, org.id);
      const cycle = await createFrontlineCycle(db, org.id, program.id, 1, "open");
      const closedAt = new Date("2026-09-11T08:00:00Z");
      await closeCycle(db, { id: 1, kind: "cycle.close", organizationId: org.id, payload: { cycleId: cycle.cycleId }, attempts: 0, maxAttempts: 5, runAt: closedAt } satisfies Job, closedAt);
      expect((await delivered(db, "cycle.closed")).map((row) => row.payload)).toEqual([{ cycleId: cycle.cycleId, programId: program.id, instrumentId: cycle.instrumentId, closedAt: closedAt.toISOString(), invitedCount: 0, respondedCount: 0 }]);
    });
  });

  it("session.ended: when a moderator ends a live session", async () => {
    await database.inRollback(async (db) => {
      const { org } = await listeningOrg(db);
      const { panel, researcher } = await createLiveTeam(db, org.id);
      const [session] = await db
        .insert(liveSessions)
        .values({ organizationId: org.id, programId: panel.id, title: "Store of the future", defaultLocale: "en", scheduledAt: new Date("2027-03-01T09:00:00Z"), status: "live", startedAt: new Date("2027-03-01T09:00:00Z"), createdByUserId: researcher.userId })
        .returning({ id: liveSessions.id });
      const endedAt = new Date("2027-03-01T10:00:00Z");
      await endLiveSession(db, researcher.actor, { id: org.id }, { sessionId: session.id }, endedAt);
      expect((await delivered(db, "session.ended")).map((row) => row.payload)).toEqual([{ sessionId: session.id, programId: panel.id, endedAt: endedAt.toISOString() }]);
    });
  });

  it("alert.created: when a rule raises an alert (facts such as campaign names stay out)", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await listeningOrg(db);
      const now = new Date();
      await db.insert(fieldReports).values({ organizationId: org.id, kind: "pain_point", urgency: "urgent", body: "The door is broken", createdAt: now });
      const { ruleId, raised } = await createAlertRule(db, admin.actor, org.id, { kind: "urgent_spike", threshold: 1, ownerUserId: admin.userId, dueDays: 3 }, now);
      expect(raised).toBe(1);
      const [rule] = await db.select({ kind: alertRules.kind }).from(alertRules).where(eq(alertRules.id, ruleId));
      const rows = await delivered(db, "alert.created");
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toMatchObject({ ruleId, ruleKind: rule.kind, raisedAt: now.toISOString() });
      expect(JSON.stringify(rows)).not.toContain("door");
    });
  });

  it("decision.recorded: when a decision is appended to a campaign's log (the rationale stays out)", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await listeningOrg(db);
      const [campaign] = await db.insert(campaigns).values({ organizationId: org.id, name: "Winter", createdByUserId: admin.userId }).returning({ id: campaigns.id });
      const decision = await recordDecision(db, admin.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "Customers asked for warmer copy" });
      const rows = await delivered(db, "decision.recorded");
      expect(rows.map((row) => row.payload)).toEqual([{ decisionId: decision.id, campaignId: campaign.id, kind: "launch", correctsDecisionId: null, recordedAt: expect.any(String) }]);
      expect(JSON.stringify(rows)).not.toContain("warmer");
    });
  });

  it("participant.erased: with the erasure's receipt id, never the person's id, name or email", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await listeningOrg(db);
      const person = await createMember(db, org.id, "participant", { name: "Zofia Erasable", email: "zofia-webhook@example.test" });
      const receipt = await erasePerson(db, admin.actor, org.id, { membershipId: person.membershipId, confirmation: person.email });
      const rows = await delivered(db, "participant.erased");
      expect(rows.map((row) => row.payload)).toEqual([{ erasureId: receipt.receiptId, policy: receipt.policy, responses: 0, posts: 0, reports: 0, erasedAt: expect.any(String) }]);
      for (const needle of [person.userId, person.membershipId, person.email, "Zofia"]) expect(JSON.stringify(rows)).not.toContain(needle);
    });
  });
});
