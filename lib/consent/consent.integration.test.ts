import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, consentRecords, devMailbox, programCycles, programMembers, programs } from "@/db/schema";
import { addConcept } from "@/lib/campaigns/add-concept";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createCouncil } from "@/lib/councils/create-council";
import { inviteToCouncil } from "@/lib/councils/invite-to-council";
import { joinCouncil } from "@/lib/councils/join-council";
import { leaveCouncil } from "@/lib/councils/leave-council";
import { renewConsent } from "@/lib/councils/renew-consent";
import { setPanelOptIn } from "@/lib/councils/set-panel-opt-in";
import { updateCouncil } from "@/lib/councils/update-council";
import { getCycleDetail } from "@/lib/cycles/get-cycle-detail";
import { recordDecision } from "@/lib/decisions/record-decision";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { getPublishedMemo } from "@/lib/memos/get-published-memo";
import { saveMemo } from "@/lib/memos/save-memo";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import { createResonanceTest } from "@/lib/resonance/create-resonance-test";
import { getResonanceResults, listQuotableReactions } from "@/lib/resonance/get-resonance-results";
import { REACTION_ITEMS } from "@/lib/resonance/reaction-items";
import { exportLiveSession } from "@/lib/live/export-live-session";
import { prepareResponseExport } from "@/lib/responses/export-responses";
import { saveResponse } from "@/lib/responses/save-response";
import { DAY_MS } from "@/lib/clock";
import { createCouncilMember, createProgramWithTemplate } from "@/tests/cycle-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization, createUser } from "@/tests/factories";
import { createLiveSession } from "@/tests/live-factories";
import { createPanel, createPanelMember } from "@/tests/poll-factories";
import { publishConsentText } from "./publish-consent-text";
import { currentConsentTexts, memberConsentStates } from "./read-consent";
import { recordConsent } from "./record-consent";
import { setDataUsePromises } from "./set-data-use-promises";

const NOW = new Date("2027-02-10T12:00:00Z");
const OPENS = new Date("2027-01-05T08:00:00Z");
const PROFILE = { region: "baltics", language: "ru", ageBand: "35to44", tenure: "3to5" } as const;
const statusOf = async (db: Db, programId: string, userId: string) => Object.fromEntries((await memberConsentStates(db, programId, userId)).map((state) => [state.purpose, state.status]));

async function joinedMember(db: Db, orgId: string, researcher: { userId: string }, councilId: string, email: string, purposes: Record<string, string>) {
  const customer = await createUser(db, { email });
  await inviteToCouncil(db, researcher, orgId, { councilId, email, locale: "pl" }, "http://localhost:3000", NOW);
  const [mail] = await db.select({ text: devMailbox.text }).from(devMailbox).where(eq(devMailbox.to, email)).orderBy(desc(devMailbox.createdAt)).limit(1);
  const token = mail!.text.match(/\/join\/([A-Za-z0-9_-]{43})/)![1];
  await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE, purposes } as never, NOW);
  return customer;
}

/** A closed council session where two members answered in words; the first member's words are quoted in a published memo. */
async function publishedMemoWithQuote(db: Db) {
  const org = await createOrganization(db, { minGroupSize: 2 });
  const { program, researcher } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS });
  const members = [await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id)];
  await planNextCycle(db, program.id);
  await runDueJobs(db, jobHandlers, OPENS);
  const [cycle] = await db.select().from(programCycles).where(eq(programCycles.programId, program.id)).orderBy(programCycles.sequence);
  for (const [index, member] of members.slice(0, 2).entries()) {
    await saveResponse(db, member.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: cycle.instrumentId!, locale: "en", answers: { nps: 8, emp: 4, comment: `Quote ${index}` } }, { complete: true });
  }
  await runDueJobs(db, jobHandlers, new Date(OPENS.getTime() + 14 * DAY_MS));
  const quoted = (await getCycleDetail(db, researcher.actor, org.id, program.id, cycle.id)).answers.find((answer) => answer.text === "Quote 0")!;
  const ref = { responseId: quoted.responseId, questionId: quoted.questionId };
  await saveMemo(db, researcher.actor, org.id, program.id, { cycleId: cycle.id, title: "What we heard", body: "Waiting hurts.", quotes: [ref], intent: "publish" });
  return { org, program, researcher, members, cycle, ref };
}

describe("versioned consent per purpose", () => {
  const database = useTestDatabase();

  it("starts a council with version 1 of every purpose and records each answer given on joining", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const council = await createCouncil(db, researcher.actor, org.id, { name: "Rada klientów", purpose: "Tell us what the numbers do not show.", defaultLocale: "pl" }, NOW);
      const texts = await currentConsentTexts(db, council.id);
      expect([...texts.keys()].sort()).toEqual(["contact", "panels", "quotes", "research"]);
      expect(texts.get("quotes")).toMatchObject({ version: 1, isMaterial: true, body: expect.stringContaining("Cytaty") });
      const [program] = await db.select({ consentText: programs.consentText }).from(programs).where(eq(programs.id, council.id));
      expect(texts.get("research")!.body).toBe(program.consentText);

      const customer = await joinedMember(db, org.id, researcher.actor, council.id, "ola@example.test", { "quotes": "yes", "contact": "no" });
      expect(await statusOf(db, council.id, customer.id)).toEqual({ research: "granted", quotes: "granted", contact: "refused", panels: "needs_answer" });
      const records = await db.select({ purpose: consentRecords.purpose, version: consentRecords.version, granted: consentRecords.granted }).from(consentRecords).where(eq(consentRecords.userId, customer.id)).orderBy(consentRecords.id);
      expect(records).toEqual([{ purpose: "research", version: 1, granted: true }, { purpose: "quotes", version: 1, granted: true }, { purpose: "contact", version: 1, granted: false }]);

      // The panel opt-in is the "panels" purpose: one source of truth.
      await setPanelOptIn(db, { userId: customer.id }, org.id, { councilId: council.id, panelOptIn: "yes" });
      expect((await statusOf(db, council.id, customer.id)).panels).toBe("granted");

      // Leaving is withdrawing research use.
      await leaveCouncil(db, { userId: customer.id }, org.id, { councilId: council.id }, NOW);
      expect((await statusOf(db, council.id, customer.id)).research).toBe("refused");
    });
  });

  it("asks again after a material change only, and keeps members out until research is accepted again", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const council = await createCouncil(db, researcher.actor, org.id, { name: "Loyal customers", purpose: "Tell us what the numbers do not show." }, NOW);
      const customer = await joinedMember(db, org.id, researcher.actor, council.id, "ann@example.test", { quotes: "yes" });

      const wording = await publishConsentText(db, researcher.actor, org.id, { kind: "council", programId: council.id, purpose: "quotes", body: "Quotes: we may quote your words, without your name, internally." }, NOW);
      expect(wording).toEqual({ purpose: "quotes", version: 2, isMaterial: false });
      expect((await statusOf(db, council.id, customer.id)).quotes).toBe("granted");

      await publishConsentText(db, researcher.actor, org.id, { kind: "council", programId: council.id, purpose: "quotes", body: "Quotes: we may now also quote you in board reports.", isMaterial: "yes" }, NOW);
      expect((await statusOf(db, council.id, customer.id)).quotes).toBe("needs_answer");
      const audits = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, "consent.text_published"), eq(auditLog.targetId, council.id))).orderBy(desc(auditLog.createdAt));
      expect(audits.map((audit) => audit.details)).toContainEqual({ purpose: "quotes", version: 3, material: true });
      expect(JSON.stringify(audits)).not.toContain("board reports");

      // A material research change (the settings form's consent text goes through the same use case) pauses the member.
      await updateCouncil(db, researcher.actor, org.id, { councilId: council.id, name: "Loyal customers", purpose: "Tell us what the numbers do not show.", consentText: "A new research text that changes what we collect." });
      const [member] = await db.select({ status: programMembers.status }).from(programMembers).where(and(eq(programMembers.programId, council.id), eq(programMembers.userId, customer.id)));
      expect(member.status).toBe("pending_consent");
      expect(await statusOf(db, council.id, customer.id)).toMatchObject({ research: "needs_answer", quotes: "needs_answer" });
      expect((await currentConsentTexts(db, council.id)).get("research")).toMatchObject({ version: 2, isMaterial: true });

      await renewConsent(db, { userId: customer.id }, org.id, { councilId: council.id, "consent.quotes": "yes" }, NOW);
      expect(await statusOf(db, council.id, customer.id)).toMatchObject({ research: "granted", quotes: "granted" });
      const [renewed] = await db.select({ status: programMembers.status }).from(programMembers).where(and(eq(programMembers.programId, council.id), eq(programMembers.userId, customer.id)));
      expect(renewed.status).toBe("active");
    });
  });

  it("hides a withdrawn member's words from the memo picker and the published memo at once, refuses to quote them, and brings them back on a new grant", async () => {
    await database.inRollback(async (db) => {
      const { org, program, researcher, members, cycle, ref } = await publishedMemoWithQuote(db);
      expect((await getPublishedMemo(db, members[2].actor, org.id, program.id, cycle.id)).quotes).toEqual(["Quote 0"]);

      await recordConsent(db, members[0].actor, org.id, { kind: "council", programId: program.id, purpose: "quotes", granted: "no" }, NOW);
      const [withdrawal] = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, "consent.withdrawn"), eq(auditLog.actorUserId, members[0].userId)));
      expect(withdrawal.details).toEqual({ purpose: "quotes", version: 1 });
      const detail = await getCycleDetail(db, researcher.actor, org.id, program.id, cycle.id);
      expect(detail.answers.map((answer) => answer.text)).toEqual(["Quote 1"]);
      expect(detail.memo?.quotes).toEqual([]);
      expect((await getPublishedMemo(db, members[2].actor, org.id, program.id, cycle.id)).quotes).toEqual([]);
      await expect(saveMemo(db, researcher.actor, org.id, program.id, { cycleId: cycle.id, title: "Again", quotes: [ref], intent: "publish" })).rejects.toMatchObject({ code: "INVALID", messageKey: "quoteWithoutConsent" });

      await recordConsent(db, members[0].actor, org.id, { kind: "council", programId: program.id, purpose: "quotes", granted: "yes" }, NOW);
      expect((await getPublishedMemo(db, members[2].actor, org.id, program.id, cycle.id)).quotes).toEqual(["Quote 0"]);
      expect((await getCycleDetail(db, researcher.actor, org.id, program.id, cycle.id)).answers.map((answer) => answer.text).sort()).toEqual(["Quote 0", "Quote 1"]);

      // A material change of the quotes text hides them again until the member answers it.
      await publishConsentText(db, researcher.actor, org.id, { kind: "council", programId: program.id, purpose: "quotes", body: "Quotes may now appear in board reports too.", isMaterial: true }, NOW);
      expect((await getPublishedMemo(db, members[2].actor, org.id, program.id, cycle.id)).quotes).toEqual([]);
    });
  });

  it("drops a withdrawn reaction from the resonance results and the decision picker, and refuses to freeze it into a decision", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db, { minGroupSize: 3, minCommentGroupSize: 3 });
      const thresholds = { id: org.id, minGroupSize: 3, minCommentGroupSize: 3 };
      const { panel, researcher } = await createPanel(db, org.id);
      const leader = await createMember(db, org.id, "leader");
      const campaign = await createCampaign(db, researcher.actor, org.id, { name: "Winter layers" });
      const concept = await addConcept(db, researcher.actor, org.id, { campaignId: campaign.id, title: "Warm welcome", copyEn: "Come in from the cold.", copyPl: "Wejdź z zimna." });
      const members = await Promise.all(Array.from({ length: 3 }, () => createPanelMember(db, org.id, panel.id)));
      const { testId, instrumentId } = await createResonanceTest(db, researcher.actor, org.id, { campaignId: campaign.id, panelId: panel.id, conceptIds: [concept.id], deadline: "2027-02-14T09:00" }, NOW);
      for (const [index, member] of members.entries()) {
        const answers = { ...Object.fromEntries(REACTION_ITEMS.map((item) => [`k1_${item.key}`, 4])), ...(index === 0 ? { k1_open: "Feels like home." } : {}) };
        await saveResponse(db, member.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true });
      }
      const [quote] = await listQuotableReactions(db, thresholds, campaign.id);
      expect(quote.text).toBe("Feels like home.");

      await recordConsent(db, members[0].actor, org.id, { kind: "panel", programId: panel.id, purpose: "quotes", granted: false }, NOW);
      expect(await listQuotableReactions(db, thresholds, campaign.id)).toEqual([]);
      expect((await getResonanceResults(db, leader.actor, { id: org.id }, testId)).concepts[0].quotes).toEqual([]);
      await expect(recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "People feel at home with it.", evidenceQuoteRefs: [quote.ref] })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { evidenceQuoteRefs: "quoteWithoutConsent" } });

      await recordConsent(db, members[0].actor, org.id, { kind: "panel", programId: panel.id, purpose: "quotes", granted: true }, NOW);
      await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "People feel at home with it.", evidenceQuoteRefs: [quote.ref] });
    });
  });

  it("refuses and audits an individual-level export of a program that promised aggregate-only use, while its aggregates still work", async () => {
    await database.inRollback(async (db) => {
      const { org, program, researcher, cycle } = await publishedMemoWithQuote(db);
      expect((await prepareResponseExport(db, researcher.actor, { id: org.id }, cycle.instrumentId!, {}, "csv")).header).toContain("response_id");

      await setDataUsePromises(db, researcher.actor, org.id, { kind: "council", programId: program.id, promises: ["aggregate_only", "ad_targeting", "aggregate_only"] });
      const [saved] = await db.select({ promises: programs.dataUsePromises }).from(programs).where(eq(programs.id, program.id));
      expect(saved.promises).toEqual(["ad_targeting", "aggregate_only"]);
      const [changed] = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, "program.data_use_changed"), eq(auditLog.targetId, program.id)));
      expect(changed.details).toEqual({ promises: "ad_targeting,aggregate_only", before: "" });

      for (const format of ["csv", "xlsx", "json"] as const) {
        await expect(prepareResponseExport(db, researcher.actor, { id: org.id }, cycle.instrumentId!, {}, format)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "exportRefusedAggregateOnly" });
      }
      const refusals = await db.select({ details: auditLog.details, targetId: auditLog.targetId }).from(auditLog).where(eq(auditLog.action, "responses.export_refused"));
      expect(refusals).toHaveLength(3);
      expect(refusals[0]).toMatchObject({ targetId: cycle.instrumentId, details: { reason: "aggregate_only", programId: program.id } });
      expect(await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, "responses.exported"), eq(auditLog.targetId, cycle.instrumentId!)))).toHaveLength(1);
      expect((await getCycleDetail(db, researcher.actor, org.id, program.id, cycle.id)).figures).toMatchObject({ invited: 3, responded: 2 });
    });
  });

  it("refuses a live session's per-answer and whole-session exports for an aggregate-only panel", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, session } = await createLiveSession(db);
      expect((await exportLiveSession(db, researcher.actor, { id: org.id }, session.id, { format: "csv" })).filename).toMatch(/answers\.csv$/);
      await setDataUsePromises(db, researcher.actor, org.id, { kind: "panel", programId: panel.id, promises: ["aggregate_only"] });
      for (const input of [{ format: "csv" as const }, { format: "xlsx" as const, part: "thread" as const }, { format: "json" as const }]) {
        await expect(exportLiveSession(db, researcher.actor, { id: org.id }, session.id, input)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "exportRefusedAggregateOnly" });
      }
      const refusals = await db.select({ targetType: auditLog.targetType, targetId: auditLog.targetId }).from(auditLog).where(eq(auditLog.action, "responses.export_refused"));
      expect(refusals).toEqual(Array.from({ length: 3 }, () => ({ targetType: "live_session", targetId: session.id })));
      expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "live_session.exported"))).toHaveLength(1);
    });
  });

  it("answers another organization's program like one that does not exist", async () => {
    await database.inRollback(async (db) => {
      const { program, members } = await publishedMemoWithQuote(db);
      const other = await createOrganization(db);
      const stranger = await createMember(db, other.id, "researcher");
      await expect(publishConsentText(db, stranger.actor, other.id, { kind: "council", programId: program.id, purpose: "quotes", body: "Not my council to change." })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(setDataUsePromises(db, stranger.actor, other.id, { kind: "council", programId: program.id, promises: ["aggregate_only"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(publishConsentText(db, stranger.actor, program.organizationId, { kind: "council", programId: program.id, purpose: "quotes", body: "Not my council to change." })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const outsider = await createMember(db, other.id, "participant");
      await expect(recordConsent(db, outsider.actor, other.id, { kind: "council", programId: program.id, purpose: "quotes", granted: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // A member may not publish texts, and a council is not a panel.
      await expect(publishConsentText(db, members[0].actor, program.organizationId, { kind: "council", programId: program.id, purpose: "quotes", body: "Members cannot publish texts." })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(recordConsent(db, members[0].actor, program.organizationId, { kind: "panel", programId: program.id, purpose: "quotes", granted: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
