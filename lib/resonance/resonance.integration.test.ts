import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { devMailbox, instruments, jobs, resonanceTests } from "@/db/schema";
import { addConcept } from "@/lib/campaigns/add-concept";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listCampaignDecisions } from "@/lib/decisions/list-decisions";
import { recordDecision } from "@/lib/decisions/record-decision";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createCouncilMember, createProgramWithTemplate } from "@/tests/cycle-factories";
import { createPanel, createPanelMember, createSample } from "@/tests/poll-factories";
import { closeResonanceTestAtDeadline, closeResonanceTestNow } from "./close-resonance-test";
import { createResonanceTest } from "./create-resonance-test";
import { getResonanceResults, listResonanceTests } from "./get-resonance-results";
import { REACTION_ITEMS } from "./reaction-items";

const NOW = new Date("2027-02-01T09:00:00Z");
const DEADLINE = "2027-02-04T09:00";

type Member = Awaited<ReturnType<typeof createPanelMember>>;

/** Every reaction to a concept at one score, and an optional open reaction. */
function reactions(prefix: string, score: number, respectful = score, open?: string) {
  return { ...Object.fromEntries(REACTION_ITEMS.map((item) => [`${prefix}_${item.key}`, item.key === "respectful" ? respectful : score])), ...(open ? { [`${prefix}_open`]: open } : {}) };
}

async function answer(db: Db, member: Member, orgId: string, instrumentId: string, answers: Record<string, unknown>) {
  return saveResponse(db, member.actor, { id: orgId }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true });
}

/** An organization with a panel, a campaign of two concepts and a leader. */
async function campaignWithPanel(db: Db) {
  const org = await createOrganization(db);
  await ensureBuiltInKpis(db, org.id);
  const { panel, researcher } = await createPanel(db, org.id);
  const leader = await createMember(db, org.id, "leader", { name: "Lena" });
  const campaign = await createCampaign(db, researcher.actor, org.id, { name: "Winter layers" });
  const warm = await addConcept(db, researcher.actor, org.id, { campaignId: campaign.id, title: "Warm welcome", copyEn: "Come in from the cold.", copyPl: "Wejdź z zimna." });
  const lasting = await addConcept(db, researcher.actor, org.id, { campaignId: campaign.id, title: "Built to last", copyEn: "One coat, ten winters.", copyPl: "Jedna kurtka, dziesięć zim." });
  return { org, panel, researcher, leader, campaign, concepts: [warm.id, lasting.id] };
}

describe("resonance tests", () => {
  const database = useTestDatabase();

  it("sends two concepts to a panel sample, flags the segment that diverges, and a decision freezes the results", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, leader, campaign, concepts } = await campaignWithPanel(db);
      const polish = await Promise.all(Array.from({ length: 12 }, () => createPanelMember(db, org.id, panel.id, { language: "pl" })));
      const english = await Promise.all(Array.from({ length: 12 }, () => createPanelMember(db, org.id, panel.id, { language: "en" })));
      const outsideSample = await createPanelMember(db, org.id, panel.id, { language: "en" });
      const sample = await createSample(db, org.id, panel.id, [...polish, ...english].map((member) => member.userId));

      const { testId, instrumentId, invited } = await createResonanceTest(db, researcher.actor, org.id, { campaignId: campaign.id, panelId: panel.id, sampleId: sample.id, conceptIds: concepts, deadline: DEADLINE }, NOW);
      expect(invited).toBe(24);
      expect((await getCampaign(db, researcher.actor, { id: org.id }, campaign.id)).status).toBe("testing");
      const mails = await db.select({ to: devMailbox.to, text: devMailbox.text }).from(devMailbox).where(inArray(devMailbox.to, [polish[0].email, outsideSample.email]));
      expect(mails).toEqual([{ to: polish[0].email, text: expect.stringContaining(`/respond/${instrumentId}`) }]);
      expect(await db.select({ runAt: jobs.runAt }).from(jobs).where(eq(jobs.dedupeKey, `resonance-test.close:${testId}`))).toEqual([{ runAt: new Date(`${DEADLINE}:00Z`) }]);
      await expect(answer(db, outsideSample, org.id, instrumentId, { ...reactions("k1", 4), ...reactions("k2", 4) })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Every reaction is required: a response without the second concept is refused.
      await expect(answer(db, polish[0], org.id, instrumentId, reactions("k1", 4))).rejects.toMatchObject({ code: "INVALID" });

      // "Built to last" reads as mocking in Polish: low on everything, lowest on respect.
      for (const [index, member] of polish.entries()) await answer(db, member, org.id, instrumentId, { ...reactions("k1", 4), ...reactions("k2", 2, 1, index === 0 ? "Sounds like they are laughing at us." : undefined) });
      for (const [index, member] of english.slice(0, 10).entries()) await answer(db, member, org.id, instrumentId, { ...reactions("k1", 4), ...reactions("k2", index % 2 ? 5 : 4) });

      const results = await getResonanceResults(db, leader.actor, { id: org.id }, testId);
      expect(results.test).toMatchObject({ respondents: 22, invited: 24, status: "open" });
      const [warm, lasting] = results.concepts;
      expect(warm).toMatchObject({ title: "Warm welcome", respondents: 22, divergent: [], isDisrespectfulOverall: false });
      // Fours on a 1–5 scale are 75 of 100, with no spread at all.
      expect(warm.resonance).toEqual({ status: "ok", estimate: { value: 75, lower: 75, upper: 75, n: 22 } });
      expect(lasting.divergent).toEqual([expect.objectContaining({ attribute: "language", value: "pl", reasons: ["significantlyBelow", "respectfulBelowThreshold"] })]);
      const polishSegment = lasting.splits.find((split) => split.attribute === "language")!.segments.find((segment) => segment.value === "pl");
      expect(polishSegment).toMatchObject({ suppressed: false, difference: "below", respectful: { status: "ok", estimate: { value: 0, n: 12 } } });
      expect(lasting.quotes.map((quote) => quote.text)).toEqual(["Sounds like they are laughing at us."]);
      const campaignResonance = (await getKpiOverview(db, leader.actor, { id: org.id })).kpis.find((kpi) => kpi.definition.key === "campaign-resonance")!;
      expect(campaignResonance.latest?.value).toMatchObject({ status: "ok", estimate: { n: 22 } });

      await recordDecision(db, leader.actor, org.id, {
        campaignId: campaign.id,
        kind: "revise",
        rationale: "Polish customers find the lasting copy mocking; rewrite it with them.",
        evidenceResonanceTestIds: [testId],
        evidenceQuoteRefs: [lasting.quotes[0].ref],
      });
      for (const member of english.slice(10)) await answer(db, member, org.id, instrumentId, { ...reactions("k1", 1), ...reactions("k2", 1) });
      expect((await getResonanceResults(db, leader.actor, { id: org.id }, testId)).test.respondents).toBe(24);

      const [logged] = await listCampaignDecisions(db, leader.actor, { id: org.id }, campaign.id);
      expect(logged.evidence.items).toEqual([
        expect.objectContaining({ type: "resonance", testId, respondents: 22, invited: 24, concepts: [expect.objectContaining({ title: "Warm welcome", resonance: warm.resonance, divergent: [] }), expect.objectContaining({ title: "Built to last", divergent: lasting.divergent })] }),
        // The quote keeps the response it came from, so erasure can take it out again.
        { type: "quote", testId, conceptTitle: "Built to last", text: "Sounds like they are laughing at us.", responseId: lasting.quotes[0].ref.split("/")[0] },
      ]);
      expect(await listResonanceTests(db, leader.actor, { id: org.id }, campaign.id)).toMatchObject([{ id: testId, respondents: 24, invited: 24, sampleName: "Sample" }]);
    });
  });

  it("withholds small segments and open reactions, and once closed nobody can answer", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, leader, campaign, concepts } = await campaignWithPanel(db);
      const members = [
        ...(await Promise.all(Array.from({ length: 8 }, () => createPanelMember(db, org.id, panel.id, { language: "en" })))),
        ...(await Promise.all(Array.from({ length: 3 }, () => createPanelMember(db, org.id, panel.id, { language: "ru" })))),
      ];
      const { testId, instrumentId } = await createResonanceTest(db, researcher.actor, org.id, { campaignId: campaign.id, panelId: panel.id, conceptIds: [concepts[1]], deadline: DEADLINE, respectfulThreshold: "70" }, NOW);
      for (const member of members.slice(0, 9)) await answer(db, member, org.id, instrumentId, reactions("k1", 3, 3, "Fine, I guess."));

      const results = await getResonanceResults(db, leader.actor, { id: org.id }, testId);
      expect(results.showsQuotes).toBe(false);
      expect(results.concepts[0].quotes).toEqual([]);
      // One Russian speaker answered: withheld, and so is English, which would give it away.
      expect(results.concepts[0].splits.find((split) => split.attribute === "language")!.segments.map((segment) => segment.suppressed)).toEqual([true, true]);
      // Threes are 50 of 100: below the 70 asked for, but under the minimum n nothing is flagged.
      expect(results.concepts[0]).toMatchObject({ resonance: { status: "insufficient", n: 9 }, isDisrespectfulOverall: false, divergent: [] });
      await expect(recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "other", rationale: "Quoting a hidden comment.", evidenceQuoteRefs: [`${randomUUID()}/k1_open`] })).rejects.toMatchObject({ fieldErrors: { evidenceQuoteRefs: "decisionEvidenceUnknown" } });

      await closeResonanceTestAtDeadline(db, { id: 1, kind: "resonance-test.close", organizationId: org.id, payload: { testId }, attempts: 1, maxAttempts: 5, runAt: new Date("2027-02-04T09:00:00Z") }, new Date("2027-02-04T09:00:00Z"));
      expect((await db.select({ isOpen: instruments.isOpen }).from(instruments).where(eq(instruments.id, instrumentId)))[0].isOpen).toBe(false);
      // Its answers are counted once, at closing, for response rates to read.
      expect((await db.select({ responded: resonanceTests.responded }).from(resonanceTests).where(eq(resonanceTests.id, testId)))[0].responded).toBe(9);
      await expect(answer(db, members[10], org.id, instrumentId, reactions("k1", 5))).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(closeResonanceTestNow(db, researcher.actor, org.id, testId)).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await getResonanceResults(db, leader.actor, { id: org.id }, testId)).test.status).toBe("closed");
    });
  });

  it("refuses bad input, other organizations and roles that may not run tests, writing nothing", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, leader, campaign, concepts } = await campaignWithPanel(db);
      const other = await campaignWithPanel(db);
      const valid = { campaignId: campaign.id, panelId: panel.id, conceptIds: concepts, deadline: DEADLINE };
      await expect(createResonanceTest(db, leader.actor, org.id, valid, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createResonanceTest(db, researcher.actor, org.id, { ...valid, deadline: "2027-01-01T09:00" }, NOW)).rejects.toMatchObject({ fieldErrors: { deadline: "deadlineInPast" } });
      await expect(createResonanceTest(db, researcher.actor, org.id, { ...valid, conceptIds: [] }, NOW)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "resonanceConceptsRequired" })] });
      await expect(createResonanceTest(db, researcher.actor, org.id, { ...valid, respectfulThreshold: "101" }, NOW)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "resonanceThresholdInvalid" })] });
      await expect(createResonanceTest(db, researcher.actor, org.id, { ...valid, conceptIds: [concepts[0], other.concepts[0]] }, NOW)).rejects.toMatchObject({ fieldErrors: { conceptIds: "resonanceConceptUnknown" } });
      await expect(createResonanceTest(db, researcher.actor, org.id, { ...valid, panelId: other.panel.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createResonanceTest(db, researcher.actor, org.id, { ...valid, campaignId: other.campaign.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createResonanceTest(db, other.researcher.actor, org.id, valid, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.select({ id: resonanceTests.id }).from(resonanceTests).where(inArray(resonanceTests.organizationId, [org.id, other.org.id]))).toEqual([]);

      const { testId } = await createResonanceTest(db, researcher.actor, org.id, valid, NOW);
      await expect(getResonanceResults(db, other.leader.actor, { id: other.org.id }, testId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getResonanceResults(db, leader.actor, { id: org.id }, "not-a-test")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(recordDecision(db, other.leader.actor, other.org.id, { campaignId: other.campaign.id, kind: "launch", rationale: "Citing someone else's test.", evidenceResonanceTestIds: [testId] })).rejects.toMatchObject({ fieldErrors: { evidenceResonanceTestIds: "decisionEvidenceUnknown" } });
      expect(await listCampaignDecisions(db, other.leader.actor, { id: other.org.id }, other.campaign.id)).toEqual([]);
    });
  });

  it("asks an advisory council as a whole: its active members answer, others find nothing, and a council has no samples", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, leader, campaign, concepts } = await campaignWithPanel(db);
      const { program: council } = await createProgramWithTemplate(db, org.id);
      const members = await Promise.all(Array.from({ length: 3 }, () => createCouncilMember(db, org.id, council.id)));
      const former = await createCouncilMember(db, org.id, council.id, "left");

      const { testId, instrumentId, invited } = await createResonanceTest(db, researcher.actor, org.id, { campaignId: campaign.id, panelId: council.id, conceptIds: concepts, deadline: DEADLINE }, NOW);
      expect(invited).toBe(3);
      const mailed = await db.select({ to: devMailbox.to }).from(devMailbox).where(inArray(devMailbox.to, [...members, former].map((member) => member.email!)));
      expect(mailed.map((mail) => mail.to).sort()).toEqual(members.map((member) => member.email).sort());
      await answer(db, members[0], org.id, instrumentId, { ...reactions("k1", 4), ...reactions("k2", 4) });
      await expect(answer(db, former, org.id, instrumentId, { ...reactions("k1", 4), ...reactions("k2", 4) })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await getResonanceResults(db, leader.actor, { id: org.id }, testId)).test).toMatchObject({ panelName: council.name, panelKind: "council", respondents: 1, invited: 3 });

      const { panel } = await createPanel(db, org.id);
      const sample = await createSample(db, org.id, panel.id, []);
      await expect(createResonanceTest(db, researcher.actor, org.id, { campaignId: campaign.id, panelId: council.id, sampleId: sample.id, conceptIds: concepts, deadline: DEADLINE }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
