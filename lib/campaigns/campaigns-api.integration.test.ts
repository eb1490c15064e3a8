import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaigns, decisions } from "@/db/schema";
import { API_OPERATIONS } from "@/lib/api/operations";
import * as campaignOperations from "@/lib/api/operations/campaigns";
import * as decisionOperations from "@/lib/api/operations/decisions";
import { listDecisionPage } from "@/lib/decisions/list-decisions";
import { publicDecision } from "@/lib/decisions/public-decision";
import { recordDecision } from "@/lib/decisions/record-decision";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { addConcept } from "./add-concept";
import { createCampaign } from "./create-campaign";
import { getCampaign, listCampaignPage } from "./get-campaign";

// The routes' handlers, as app/api/v1/campaigns and app/api/v1/decisions write them.
const listCampaigns: Parameters<typeof callApi<typeof campaignOperations.listCampaigns>>[2] = ({ db, actor, org, query }) => listCampaignPage(db, actor, org, query);
const readCampaign: Parameters<typeof callApi<typeof campaignOperations.getCampaign>>[2] = ({ db, actor, org, params }) => getCampaign(db, actor, org, params.campaignId);
const create: Parameters<typeof callApi<typeof campaignOperations.createCampaign>>[2] = ({ db, actor, org, body }) => createCampaign(db, actor, org.id, body);
const listDecisions: Parameters<typeof callApi<typeof decisionOperations.listDecisions>>[2] = ({ db, actor, org, query }) => listDecisionPage(db, actor, org, query);
const record: Parameters<typeof callApi<typeof decisionOperations.recordDecision>>[2] = async ({ db, actor, org, body }) => publicDecision(await recordDecision(db, actor, org.id, body));

const idsOf = (page: { body: { data: Array<{ id: string }> } }) => page.body.data.map((item) => item.id);

describe("campaigns and decisions through the public API", () => {
  const database = useTestDatabase();

  it("creates, reads and pages campaigns, refusing bad input with nothing written", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["campaigns:write"]);
      const created = await callApi(db, campaignOperations.createCampaign, create, { key: key, body: { name: "Winter coats", markets: ["Poland", "Baltics"] } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: "Winter coats", markets: ["Poland", "Baltics"], audiences: [], status: "idea", concepts: [] });
      const leader = await createMember(db, org.id, "leader");
      await addConcept(db, leader.actor, org.id, { campaignId: created.body.id, title: "Warm welcome", copyEn: "Come in from the cold.", copyPl: "Wejdź z zimna." });
      const read = await callApi(db, campaignOperations.getCampaign, readCampaign, { key: key, params: { campaignId: created.body.id } });
      expect(read.body.concepts).toEqual([{ id: expect.any(String), title: "Warm welcome", copy: { en: "Come in from the cold.", pl: "Wejdź z zimna." }, hasImage: false, position: 1 }]);

      const bad = await callApi(db, campaignOperations.createCampaign, create, { key: key, body: { name: "x", markets: [""] } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code])).toEqual([["/body/name", "campaignNameTooShort"], ["/body/markets/0", "campaignTagsInvalid"]]);

      // Made in one transaction, they share a creation time: the id keeps the order whole.
      for (const name of ["Spring", "Summer", "Autumn"]) await createCampaign(db, leader.actor, org.id, { name });
      const all = (await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.organizationId, org.id))).map((row) => row.id);
      expect(all).toHaveLength(4);
      const first = await callApi(db, campaignOperations.listCampaigns, listCampaigns, { key: key, query: { limit: 3 } });
      const second = await callApi(db, campaignOperations.listCampaigns, listCampaigns, { key: key, query: { limit: 3, cursor: first.body.nextCursor } });
      expect(idsOf(first)).toHaveLength(3);
      expect(second.body.nextCursor).toBeNull();
      expect([...idsOf(first), ...idsOf(second)].sort()).toEqual([...all].sort());
    });
  });

  it("appends decisions with frozen evidence, pages the log newest first, and refuses what the campaign page refuses", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      await ensureBuiltInKpis(db, org.id);
      const leader = await createMember(db, org.id, "leader");
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Winter coats" });
      const other = await createCampaign(db, leader.actor, org.id, { name: "Summer" });
      const key = await createApiKeyFor(db, org.id, ["decisions:write"]);

      const recorded = await callApi(db, decisionOperations.recordDecision, record, { key: key, body: { campaignId: campaign.id, kind: "revise", rationale: "Detractors outnumber promoters; rework the copy.", evidenceKpiKeys: ["council-nps"], expectedKpiKeys: ["council-nps"] } });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ campaignId: campaign.id, kind: "revise", decidedByName: expect.stringContaining("API key"), correctsDecisionId: null, expectedKpiKeys: ["council-nps"] });
      expect(recorded.body.evidence).toEqual([{ type: "kpi", key: "council-nps", name: expect.any(String), period: expect.any(String), periodStart: null, target: null, value: null }]);
      expect((await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaign.id)))[0].status).toBe("decided");

      const unknown = await callApi(db, decisionOperations.recordDecision, record, { key: key, body: { campaignId: campaign.id, kind: "stop", rationale: "Citing a KPI nobody has.", evidenceKpiKeys: ["no-such-kpi"] } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: "/body/evidenceKpiKeys", code: "decisionKpiUnknown" })]);
      const short = await callApi(db, decisionOperations.recordDecision, record, { key: key, body: { campaignId: campaign.id, kind: "maybe", rationale: "Short" } });
      expect(short.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(["/body/kind", "/body/rationale"]);
      expect(await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.organizationId, org.id))).toHaveLength(1);

      const correction = await callApi(db, decisionOperations.recordDecision, record, { key: key, body: { campaignId: campaign.id, kind: "launch", rationale: "Corrected: the copy tested well after all.", correctsDecisionId: recorded.body.id } });
      await callApi(db, decisionOperations.recordDecision, record, { key: key, body: { campaignId: other.id, kind: "stop", rationale: "Summer is over for this one." } });
      const first = await callApi(db, decisionOperations.listDecisions, listDecisions, { key: key, query: { limit: 2 } });
      const second = await callApi(db, decisionOperations.listDecisions, listDecisions, { key: key, query: { limit: 2, cursor: first.body.nextCursor } });
      expect(first.body.data.map((decision: { rationale: string }) => decision.rationale)).toEqual(["Summer is over for this one.", "Corrected: the copy tested well after all."]);
      expect(idsOf(second)).toEqual([recorded.body.id]);
      expect(second.body.nextCursor).toBeNull();
      const ofCampaign = await callApi(db, decisionOperations.listDecisions, listDecisions, { key: key, query: { campaignId: campaign.id } });
      expect(idsOf(ofCampaign)).toEqual([correction.body.id, recorded.body.id]);
      // The log is append-only: the API has no way to change or remove an entry.
      expect(API_OPERATIONS.filter((operation) => operation.path.startsWith("/decisions")).map((operation) => operation.method).sort()).toEqual(["get", "post"]);
    });
  });

  it("answers 404 to another organization's key and 403 without the scope", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Winter coats" });
      await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "Tested well in every market." });
      const otherOrg = await createOrganization(db);
      const otherKey = await createApiKeyFor(db, otherOrg.id, ["campaigns:write", "decisions:write"]);
      expect((await callApi(db, campaignOperations.getCampaign, readCampaign, { key: otherKey, params: { campaignId: campaign.id } })).status).toBe(404);
      expect((await callApi(db, decisionOperations.recordDecision, record, { key: otherKey, body: { campaignId: campaign.id, kind: "stop", rationale: "Not ours to decide at all." } })).status).toBe(404);
      expect((await callApi(db, campaignOperations.listCampaigns, listCampaigns, { key: otherKey })).body.data).toEqual([]);
      expect((await callApi(db, decisionOperations.listDecisions, listDecisions, { key: otherKey, query: { campaignId: campaign.id } })).body.data).toEqual([]);

      const readers = await createApiKeyFor(db, org.id, ["campaigns:read", "decisions:read"]);
      expect((await callApi(db, campaignOperations.getCampaign, readCampaign, { key: readers, params: { campaignId: campaign.id } })).status).toBe(200);
      expect((await callApi(db, campaignOperations.createCampaign, create, { key: readers, body: { name: "Spring" } })).status).toBe(403);
      expect((await callApi(db, decisionOperations.recordDecision, record, { key: readers, body: { campaignId: campaign.id, kind: "stop", rationale: "Readers cannot decide." } })).status).toBe(403);
      const kpisOnly = await createApiKeyFor(db, org.id, ["kpis:read"]);
      expect((await callApi(db, campaignOperations.listCampaigns, listCampaigns, { key: kpisOnly })).status).toBe(403);
      expect((await callApi(db, decisionOperations.listDecisions, listDecisions, { key: kpisOnly })).status).toBe(403);
    });
  });
});
