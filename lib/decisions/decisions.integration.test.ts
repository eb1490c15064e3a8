import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { campaigns, cycleMemos, decisions, organizations, programCycles } from "@/db/schema";
import { addConcept } from "@/lib/campaigns/add-concept";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createProgramWithTemplate } from "@/tests/cycle-factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { listCampaignDecisions } from "./list-decisions";
import { recordDecision } from "./record-decision";

const nps = { ...ITEM_BANK.find((item) => item.code === "NPS")!.question, id: "nps" } as Question;
const pulse: Definition = { title: { en: "Pulse" }, defaultLocale: "en", requiredLocales: ["en"], questions: [nps] };

describe("the decision log", () => {
  const database = useTestDatabase();

  it("freezes the cited KPI as it was, so later answers never rewrite why a decision was made", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: pulse });
      const answer = async (score: number) => {
        const customer = await createMember(db, org.id, "participant");
        await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { nps: score } }, { complete: true });
      };
      for (let i = 0; i < 12; i++) await answer(i < 3 ? 10 : 5);
      const leader = await createMember(db, org.id, "leader", { name: "Lena" });
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Winter coats", markets: "Poland, Baltics", audiences: "Commuters" });
      await addConcept(db, leader.actor, org.id, { campaignId: campaign.id, title: "Warm welcome", copyEn: "Come in from the cold.", copyPl: "Wejdź z zimna." });

      const decision = await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "revise", rationale: "Detractors outnumber promoters; rework the copy.", evidenceKpiKeys: ["council-nps"], expectedKpiKeys: ["council-nps"] });
      for (let i = 0; i < 12; i++) await answer(10);
      const live = (await getKpiOverview(db, leader.actor, { id: org.id })).kpis.find((kpi) => kpi.definition.key === "council-nps")!;
      expect(live.latest?.value).toMatchObject({ status: "ok", estimate: { n: 24 } });

      const [logged] = await listCampaignDecisions(db, leader.actor, { id: org.id }, campaign.id);
      expect(logged).toMatchObject({ id: decision.id, kind: "revise", decidedByName: "Lena" });
      // 3 promoters and 9 detractors of 12: −50, whatever came after.
      expect(logged.evidence.items).toEqual([expect.objectContaining({ type: "kpi", key: "council-nps", value: expect.objectContaining({ status: "ok", estimate: expect.objectContaining({ n: 12, value: -50 }) }) })]);
      expect((await getCampaign(db, leader.actor, { id: org.id }, campaign.id)).status).toBe("decided");
    });
  });

  it("is append-only: an entry cannot be edited or deleted, and a correction is a new entry naming the old one", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Spring" });
      const first = await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "Tested well in every market." });
      const refusal = (error: { message: string; cause?: { message: string } }) => error.cause?.message ?? error.message;
      await expect(db.transaction((tx) => tx.update(decisions).set({ rationale: "Something else entirely" }).where(eq(decisions.id, first.id))).catch(refusal)).resolves.toMatch(/append-only/);
      await expect(db.transaction((tx) => tx.delete(decisions).where(eq(decisions.id, first.id))).catch(refusal)).resolves.toMatch(/append-only/);
      const correction = await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "stop", rationale: "The launch decision relied on a stale test.", correctsDecisionId: first.id });
      const log = await listCampaignDecisions(db, leader.actor, { id: org.id }, campaign.id);
      expect(log.map((entry) => [entry.id, entry.correctsDecisionId, entry.correctedBy])).toEqual([[correction.id, first.id, []], [first.id, null, [correction.id]]]);
      // The organization's own deletion still takes its log with it.
      await db.transaction((tx) => tx.delete(organizations).where(eq(organizations.id, org.id)));
      expect(await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.campaignId, campaign.id))).toEqual([]);
    });
  });

  it("refuses bad input, other organizations and roles that may not decide, writing nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const leader = await createMember(db, org.id, "leader");
      const researcher = await createMember(db, org.id, "researcher");
      const outsider = await createMember(db, (await createOrganization(db)).id, "leader");
      const campaign = await createCampaign(db, researcher.actor, org.id, { name: "Autumn" });
      const valid = { campaignId: campaign.id, kind: "revise" as const, rationale: "A reason long enough." };
      await expect(recordDecision(db, leader.actor, org.id, { ...valid, rationale: "short" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "decisionRationaleTooShort" })] });
      await expect(recordDecision(db, leader.actor, org.id, { ...valid, evidenceKpiKeys: ["no-such-kpi"] })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { evidenceKpiKeys: "decisionKpiUnknown" } });
      await expect(recordDecision(db, leader.actor, org.id, { ...valid, correctsDecisionId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(recordDecision(db, researcher.actor, org.id, valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(recordDecision(db, outsider.actor, org.id, valid)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getCampaign(db, outsider.actor, { id: org.id }, campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createCampaign(db, leader.actor, org.id, { name: "x" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "campaignNameTooShort" })] });
      expect(await db.select({ n: sql<number>`count(*)::int` }).from(decisions).innerJoin(campaigns, eq(campaigns.id, decisions.campaignId)).where(eq(campaigns.organizationId, org.id))).toEqual([{ n: 0 }]);
    });
  });

  it("cites a published council memo, frozen as it read, and refuses a draft or another organization's memo", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const { program: council } = await createProgramWithTemplate(db, org.id);
      const published = await memoOf(db, org.id, council.id, 0, "published", "Waiting hurts. ".repeat(40));
      const draft = await memoOf(db, org.id, council.id, 1, "draft", "Not yet.");
      const other = await createOrganization(db);
      const { program: theirCouncil } = await createProgramWithTemplate(db, other.id);
      const theirs = await memoOf(db, other.id, theirCouncil.id, 0, "published", "Theirs.");
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Queues" });
      const base = { campaignId: campaign.id, kind: "revise" as const, rationale: "The council told us waiting is the problem." };

      for (const memoId of [draft, theirs, randomUUID()]) {
        await expect(recordDecision(db, leader.actor, org.id, { ...base, evidenceMemoIds: [memoId] })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { evidenceMemoIds: "decisionEvidenceUnknown" } });
      }
      expect(await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.campaignId, campaign.id))).toEqual([]);

      await recordDecision(db, leader.actor, org.id, { ...base, evidenceMemoIds: [published] });
      // A later edit of the memo does not reach the decision.
      await db.update(cycleMemos).set({ title: "Rewritten" }).where(eq(cycleMemos.id, published));
      const [logged] = await listCampaignDecisions(db, leader.actor, { id: org.id }, campaign.id);
      const [memo] = logged.evidence.items;
      expect(memo).toMatchObject({ type: "memo", memoId: published, title: "What we heard 0", programName: council.name });
      expect(memo.type === "memo" && memo.excerpt.length).toBeLessThanOrEqual(281);
      expect(memo.type === "memo" && memo.excerpt.endsWith("…")).toBe(true);
    });
  });
});

/** A memo on a closed session of the council. */
async function memoOf(db: Db, orgId: string, programId: string, sequence: number, status: "draft" | "published", body: string) {
  const opensAt = new Date(Date.UTC(2026, 6 + sequence * 3, 5, 8));
  const [cycle] = await db.insert(programCycles).values({ programId, organizationId: orgId, sequence, opensAt, closesAt: new Date(opensAt.getTime() + 14 * 86_400_000), status: "closed" }).returning({ id: programCycles.id });
  const [memo] = await db.insert(cycleMemos).values({ cycleId: cycle.id, organizationId: orgId, title: `What we heard ${sequence}`, body, status, publishedAt: status === "published" ? new Date() : null }).returning({ id: cycleMemos.id });
  return memo.id;
}
