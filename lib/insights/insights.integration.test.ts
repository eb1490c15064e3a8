import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, codingItems, highlights, insights } from "@/db/schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaignDecisions } from "@/lib/decisions/list-decisions";
import { recordDecision } from "@/lib/decisions/record-decision";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { collectMyData } from "@/lib/participants/collect-my-data";
import { eraseMyData } from "@/lib/privacy/erase-person";
import { exportMyData } from "@/lib/participants/export-my-data";
import { createCodingCorpus } from "@/tests/coding-factories";
import { answerConsent } from "@/tests/consent-factories";
import { createProgramWithTemplate } from "@/tests/cycle-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember } from "@/tests/factories";
import { getInsight, listCitableInsights, listInsights } from "./get-insight";
import { attachInsightEvidence, detachInsightEvidence } from "./insight-evidence";
import { listCitableHighlights, listCitableItems } from "./list-citable-highlights";
import { publishInsight, unpublishInsight } from "./publish-insight";
import { createInsight, updateInsight } from "./save-insight";

type Corpus = Awaited<ReturnType<typeof createCodingCorpus>>;

/** The corpus item of a participant's story (the answer, not the field report). */
const itemOf = (corpus: Corpus, index: number) => corpus.items.find((item) => item.speakerUserId === corpus.participants[index].userId)!;
const fieldReportItem = (corpus: Corpus) => corpus.items.find((item) => item.source === "field_report")!;

async function highlight(db: Db, orgId: string, itemId: string, startOffset: number, endOffset: number) {
  const [row] = await db.insert(highlights).values({ organizationId: orgId, itemId, startOffset, endOffset }).returning({ id: highlights.id });
  return row.id;
}

describe("insights", () => {
  const database = useTestDatabase();

  it("writes, edits and publishes an insight only with evidence, and hides drafts from leaders", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const { org, researcher, leader } = corpus;
      await ensureBuiltInKpis(db, org.id);
      await expect(createInsight(db, researcher.actor, org.id, { claim: "  " })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "insightClaimRequired" })] });
      await expect(createInsight(db, researcher.actor, org.id, { claim: "x".repeat(281) })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "insightClaimTooLong" })] });
      await expect(createInsight(db, researcher.actor, org.id, { claim: "Fine", body: "y".repeat(10_001) })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "insightBodyTooLong" })] });
      await expect(createInsight(db, leader.actor, org.id, { claim: "Leaders do not write insights" })).rejects.toMatchObject({ code: "FORBIDDEN" });

      const { id } = await createInsight(db, researcher.actor, org.id, { claim: "Queues\nhurt   loyalty.", body: "Long waits at checkout come up again and again." });
      expect((await getInsight(db, researcher.actor, { id: org.id }, id)).claim).toBe("Queues hurt loyalty.");
      await updateInsight(db, researcher.actor, org.id, { insightId: id, claim: "Checkout queues hurt loyalty.", body: "Edited." });
      await expect(publishInsight(db, researcher.actor, org.id, id)).rejects.toMatchObject({ code: "INVALID", messageKey: "insightNeedsEvidence" });
      // A draft does not exist for a leader.
      await expect(getInsight(db, leader.actor, { id: org.id }, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listInsights(db, leader.actor, { id: org.id })).insights).toEqual([]);

      const quote = await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: itemOf(corpus, 0).id });
      await expect(attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: itemOf(corpus, 0).id })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "insightEvidenceDuplicate" });
      const passage = await highlight(db, org.id, itemOf(corpus, 2).id, 0, 7);
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "highlight", highlightId: passage });
      const kpi = await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "kpi", kpiKey: "council-nps" });
      await expect(attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "kpi", kpiKey: "no-such-kpi" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { kpiKey: "decisionKpiUnknown" } });

      const draft = await getInsight(db, researcher.actor, { id: org.id }, id);
      expect(draft.passages.map((p) => p.kind)).toEqual(["quote", "highlight", "kpi"]);
      expect(draft.passages[1]).toMatchObject({ kind: "highlight", text: "Obsługa", attributes: { region: "south" } });
      expect(draft.passages[2]).toMatchObject({ kind: "kpi", kpi: { type: "kpi", key: "council-nps" } });
      expect(draft.voices).toMatchObject({ people: 2, items: 2, segments: { region: 2 }, evidence: { highlight: 1, quote: 1, kpi: 1 } });

      await detachInsightEvidence(db, researcher.actor, org.id, { insightId: id, evidenceId: kpi.id });
      await publishInsight(db, researcher.actor, org.id, id);
      const published = await getInsight(db, leader.actor, { id: org.id }, id);
      expect(published).toMatchObject({ status: "published", publishedAt: expect.any(Date), canCode: false });
      const listed = await listInsights(db, leader.actor, { id: org.id }, { status: "draft" });
      expect(listed.insights).toEqual([]);
      expect((await listInsights(db, leader.actor, { id: org.id })).insights.map((row) => [row.id, row.voices.people])).toEqual([[id, 2]]);
      await expect(publishInsight(db, leader.actor, org.id, id)).rejects.toMatchObject({ code: "FORBIDDEN" });

      // A published insight keeps at least one piece of evidence.
      const [highlightEvidence] = published.passages.filter((p) => p.kind === "highlight");
      await detachInsightEvidence(db, researcher.actor, org.id, { insightId: id, evidenceId: highlightEvidence.id });
      await expect(detachInsightEvidence(db, researcher.actor, org.id, { insightId: id, evidenceId: quote.id })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "insightNeedsEvidence" });
      expect((await getInsight(db, researcher.actor, { id: org.id }, id)).passages).toHaveLength(1);

      await unpublishInsight(db, researcher.actor, org.id, id);
      expect(await db.select({ status: insights.status, publishedAt: insights.publishedAt }).from(insights).where(eq(insights.id, id))).toEqual([{ status: "draft", publishedAt: null }]);
      const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.targetId, id)));
      expect(new Set(actions.map((row) => row.action))).toEqual(new Set(["insight.created", "insight.updated", "insight.evidence_attached", "insight.evidence_detached", "insight.published", "insight.unpublished"]));
    });
  });

  it("counts distinct people and segments, so a claim resting on one voice shows as such", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const { org, researcher } = corpus;
      const one = await createInsight(db, researcher.actor, org.id, { claim: "One voice, cited three times." });
      const item = itemOf(corpus, 0);
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: one.id, kind: "quote", itemId: item.id });
      for (const [start, end] of [[0, 12], [13, 30]]) await attachInsightEvidence(db, researcher.actor, org.id, { insightId: one.id, kind: "highlight", highlightId: await highlight(db, org.id, item.id, start, end) });
      expect((await getInsight(db, researcher.actor, { id: org.id }, one.id)).voices).toMatchObject({ people: 1, items: 1, segments: { region: 1 }, evidence: { highlight: 2, quote: 1 } });

      const many = await createInsight(db, researcher.actor, org.id, { claim: "Many voices across regions." });
      for (const index of [0, 1, 2, 4]) await attachInsightEvidence(db, researcher.actor, org.id, { insightId: many.id, kind: "quote", itemId: itemOf(corpus, index).id });
      expect((await getInsight(db, researcher.actor, { id: org.id }, many.id)).voices).toMatchObject({ people: 4, items: 4, segments: { region: 3 } });

      // Two items whose speaker is gone are two voices, not one.
      const unknown = [itemOf(corpus, 3), itemOf(corpus, 5)];
      await db.update(codingItems).set({ speakerUserId: null }).where(inArray(codingItems.id, unknown.map((row) => row.id)));
      const anonymous = await createInsight(db, researcher.actor, org.id, { claim: "Unknown speakers." });
      for (const row of unknown) await attachInsightEvidence(db, researcher.actor, org.id, { insightId: anonymous.id, kind: "quote", itemId: row.id });
      expect((await getInsight(db, researcher.actor, { id: org.id }, anonymous.id)).voices.people).toBe(2);
    });
  });

  it("withholds a council member's words without quotes consent but still counts them, and never names a field report's author", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const { org, researcher, leader } = corpus;
      const { program: council } = await createProgramWithTemplate(db, org.id);
      const member = itemOf(corpus, 0);
      await db.update(codingItems).set({ programId: council.id }).where(eq(codingItems.id, member.id));
      const { id } = await createInsight(db, researcher.actor, org.id, { claim: "Staff stress shows at checkout." });
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: member.id });
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: fieldReportItem(corpus).id });
      await publishInsight(db, researcher.actor, org.id, id);

      const withheld = await getInsight(db, leader.actor, { id: org.id }, id);
      expect(withheld.passages.map((p) => p.kind !== "kpi" && [p.source, p.text])).toEqual([["answer", null], ["field_report", "A customer said the fitting rooms are always locked."]]);
      expect(withheld.voices).toMatchObject({ people: 2, evidence: { quote: 2 } });
      // Nothing in what a reader gets names or identifies a speaker.
      const serialized = JSON.stringify(withheld);
      for (const person of [corpus.participants[0], corpus.staff]) expect(serialized).not.toContain(person.userId);
      expect(serialized).not.toMatch(/speakerUserId|authorUserId|participantUserId/i);
      // The picker marks it too.
      expect((await listCitableItems(db, researcher.actor, org.id, { search: "checkout queue" }))[0]).toMatchObject({ id: member.id, quotable: false });

      await answerConsent(db, org.id, council.id, corpus.participants[0].userId, ["quotes"]);
      expect((await getInsight(db, leader.actor, { id: org.id }, id)).passages[0]).toMatchObject({ text: corpus.participants[0].story });
      // A withdrawal hides the words again at once.
      await answerConsent(db, org.id, council.id, corpus.participants[0].userId, ["quotes"], false);
      expect((await getInsight(db, leader.actor, { id: org.id }, id)).passages[0]).toMatchObject({ text: null });
    });
  });

  it("keeps every organization's insights, highlights and items to itself", async () => {
    await database.inRollback(async (db) => {
      const ours = await createCodingCorpus(db);
      const theirs = await createCodingCorpus(db);
      const { id } = await createInsight(db, ours.researcher.actor, ours.org.id, { claim: "Ours." });
      const { id: theirInsight } = await createInsight(db, theirs.researcher.actor, theirs.org.id, { claim: "Theirs." });
      const theirHighlight = await highlight(db, theirs.org.id, theirs.items[0].id, 0, 5);
      await expect(attachInsightEvidence(db, ours.researcher.actor, ours.org.id, { insightId: id, kind: "quote", itemId: theirs.items[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attachInsightEvidence(db, ours.researcher.actor, ours.org.id, { insightId: id, kind: "highlight", highlightId: theirHighlight })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attachInsightEvidence(db, ours.researcher.actor, ours.org.id, { insightId: theirInsight, kind: "quote", itemId: ours.items[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getInsight(db, ours.researcher.actor, { id: ours.org.id }, theirInsight)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateInsight(db, ours.researcher.actor, ours.org.id, { insightId: theirInsight, claim: "Taken over" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(publishInsight(db, ours.researcher.actor, ours.org.id, theirInsight)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getInsight(db, ours.researcher.actor, { id: ours.org.id }, "not-an-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
      // A member of another organization does not learn this one exists.
      await expect(listInsights(db, theirs.researcher.actor, { id: ours.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createInsight(db, theirs.researcher.actor, ours.org.id, { claim: "Intruder" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await highlight(db, ours.org.id, ours.items[0].id, 0, 5);
      expect((await listCitableHighlights(db, ours.researcher.actor, ours.org.id)).map((row) => row.id)).not.toContain(theirHighlight);
      expect((await listCitableItems(db, ours.researcher.actor, ours.org.id, { limit: 50 })).every((row) => ours.items.some((item) => item.id === row.id))).toBe(true);
    });
  });

  it("is frozen into a decision only when published and the organization's own, and cannot be unpublished once cited", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const other = await createCodingCorpus(db);
      const { org, researcher, leader } = corpus;
      const { id } = await createInsight(db, researcher.actor, org.id, { claim: "Queues drive complaints in every region." });
      for (const index of [0, 2, 4]) await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: itemOf(corpus, index).id });
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Faster checkout" });
      const base = { campaignId: campaign.id, kind: "revise" as const, rationale: "The research shows queues are the problem." };
      const { id: theirs } = await createInsight(db, other.researcher.actor, other.org.id, { claim: "Theirs." });
      await attachInsightEvidence(db, other.researcher.actor, other.org.id, { insightId: theirs, kind: "quote", itemId: other.items[0].id });
      await publishInsight(db, other.researcher.actor, other.org.id, theirs);
      for (const insightId of [id, theirs, randomUUID()]) {
        await expect(recordDecision(db, leader.actor, org.id, { ...base, evidenceInsightIds: [insightId] })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { evidenceInsightIds: "decisionEvidenceUnknown" } });
      }
      expect(await listCitableInsights(db, org.id)).toEqual([]);

      await publishInsight(db, researcher.actor, org.id, id);
      expect((await listCitableInsights(db, org.id)).map((row) => row.id)).toEqual([id]);
      await recordDecision(db, leader.actor, org.id, { ...base, evidenceInsightIds: [id] });
      // Later edits do not reach the decision.
      await updateInsight(db, researcher.actor, org.id, { insightId: id, claim: "Rewritten afterwards." });
      const [logged] = await listCampaignDecisions(db, leader.actor, { id: org.id }, campaign.id);
      expect(logged.evidence.items).toEqual([{ type: "insight", insightId: id, claim: "Queues drive complaints in every region.", people: 3, segments: { region: 3 }, evidenceCount: 3, publishedAt: expect.any(String) }]);
      await expect(unpublishInsight(db, researcher.actor, org.id, id)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "insightCitedByDecision" });
      expect((await getInsight(db, researcher.actor, { id: org.id }, id)).isCited).toBe(true);
    });
  });

  it("loses an erased person's words from its evidence, while a decision that cited it keeps only the claim and counts", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const { org, researcher, leader, participants } = corpus;
      const { id } = await createInsight(db, researcher.actor, org.id, { claim: "Waiting is the common complaint." });
      for (const index of [0, 4]) await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: itemOf(corpus, index).id });
      await publishInsight(db, researcher.actor, org.id, id);
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Queues" });
      await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "revise", rationale: "Waiting comes up everywhere.", evidenceInsightIds: [id] });

      await eraseMyData(db, participants[0].actor, { id: org.id }, { confirmation: participants[0].email! });
      const after = await getInsight(db, researcher.actor, { id: org.id }, id);
      expect(after.voices).toMatchObject({ people: 1, evidence: { quote: 1 } });
      expect(JSON.stringify(after)).not.toContain(participants[0].story);
      // The decision's frozen insight never held anyone's words: erasure had nothing to take out of it.
      const [logged] = await listCampaignDecisions(db, leader.actor, { id: org.id }, campaign.id);
      expect(logged.evidence.items).toEqual([expect.objectContaining({ type: "insight", insightId: id, people: 2 })]);
      expect(JSON.stringify(logged.evidence)).not.toContain(participants[0].story);
    });
  });

  it("shows a person the published insights that rest on their own words, in My data and its downloads", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const { org, researcher, participants } = corpus;
      const cited = await createInsight(db, researcher.actor, org.id, { claim: "Polish shoppers praise the staff.", body: "Several answers mention friendly staff." });
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: cited.id, kind: "highlight", highlightId: await highlight(db, org.id, itemOf(corpus, 2).id, 0, 20) });
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: cited.id, kind: "quote", itemId: itemOf(corpus, 3).id });
      await publishInsight(db, researcher.actor, org.id, cited.id);
      const draft = await createInsight(db, researcher.actor, org.id, { claim: "Draft about the same person." });
      await attachInsightEvidence(db, researcher.actor, org.id, { insightId: draft.id, kind: "quote", itemId: itemOf(corpus, 2).id });

      // A leader's decision citing it reaches them under "you said, we did"; the participant whose words are not in it sees nothing.
      const campaign = await createCampaign(db, corpus.leader.actor, org.id, { name: "Friendly staff" });
      await recordDecision(db, corpus.leader.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "Keep doing what works.", evidenceInsightIds: [cited.id] });

      const mine = await collectMyData(db, participants[2].actor, { id: org.id }, { locale: "en" });
      expect(mine.youSaidWeDid).toEqual([expect.objectContaining({ campaignName: "Friendly staff", cited: [expect.objectContaining({ type: "insight", insightId: cited.id })] })]);
      expect((await collectMyData(db, participants[0].actor, { id: org.id }, { locale: "en" })).youSaidWeDid).toEqual([]);
      expect(mine.learned.insights).toEqual([{ insightId: cited.id, claim: "Polish shoppers praise the staff.", body: "Several answers mention friendly staff.", publishedAt: expect.any(String) }]);
      // Nobody else's words travel with it.
      expect(JSON.stringify(mine.learned)).not.toContain(participants[3].story);
      expect((await collectMyData(db, participants[0].actor, { id: org.id }, { locale: "en" })).learned.insights).toEqual([]);
      const outsider = await createMember(db, org.id, "participant");
      expect((await collectMyData(db, outsider.actor, { id: org.id }, { locale: "en" })).learned.insights).toEqual([]);

      const json = JSON.parse((await exportMyData(db, participants[2].actor, { id: org.id }, { format: "json", locale: "en" })).body);
      expect(json.learned.insights).toEqual([expect.objectContaining({ insightId: cited.id, claim: "Polish shoppers praise the staff." })]);
      const html = (await exportMyData(db, participants[2].actor, { id: org.id }, { format: "html", locale: "pl" })).body;
      expect(html).toContain("Polish shoppers praise the staff.");
      expect(html).toContain("Several answers mention friendly staff.");
      expect(html).not.toContain("Draft about the same person.");
    });
  });
});
