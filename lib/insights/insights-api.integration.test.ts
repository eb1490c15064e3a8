import { describe, expect, it } from "vitest";
import { insights } from "@/db/schema";
import * as operations from "@/lib/api/operations/insights";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { CORPUS_STORIES, createCodingCorpus } from "@/tests/coding-factories";
import { useTestDatabase } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getInsight, listPublishedInsights } from "./get-insight";
import { attachInsightEvidence } from "./insight-evidence";
import { publishInsight } from "./publish-insight";
import { createInsight } from "./save-insight";

// The routes' handlers, as app/api/v1/insights writes them.
const list: Parameters<typeof callApi<typeof operations.listInsights>>[2] = ({ db, actor, org, query }) => listPublishedInsights(db, actor, org, query);
const read: Parameters<typeof callApi<typeof operations.getInsight>>[2] = ({ db, actor, org, params }) => getInsight(db, actor, org, params.insightId);

describe("insights through the public API", () => {
  const database = useTestDatabase();

  it("gives published insights with how many people and segments stand behind them, never their words, and hides drafts", async () => {
    await database.inRollback(async (db) => {
      const corpus = await createCodingCorpus(db);
      const { org, researcher } = corpus;
      const items = corpus.participants.slice(0, 2).map((participant) => corpus.items.find((item) => item.speakerUserId === participant.userId)!);
      const { id } = await createInsight(db, researcher.actor, org.id, { claim: "Checkout queues hurt loyalty.", body: "Long waits come up again and again." });
      for (const item of items) await attachInsightEvidence(db, researcher.actor, org.id, { insightId: id, kind: "quote", itemId: item.id });
      await publishInsight(db, researcher.actor, org.id, id);
      const draft = await createInsight(db, researcher.actor, org.id, { claim: "Not yet sure of this." });
      // Published earlier, and two at the very same time: the id keeps the order whole.
      const at = new Date("2026-01-01T00:00:00Z");
      await db.insert(insights).values(["Older one", "Older two", "Older three"].map((claim, index) => ({ organizationId: org.id, claim, status: "published" as const, publishedAt: index === 0 ? new Date("2025-06-01T00:00:00Z") : at })));
      const key = await createApiKeyFor(db, org.id, ["insights:read"]);

      const one = await callApi(db, operations.getInsight, read, { key: key, params: { insightId: id } });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ claim: "Checkout queues hurt loyalty.", body: "Long waits come up again and again.", isCited: false, voices: { people: 2, items: 2, evidence: { quote: 2, highlight: 0, kpi: 0 } } });
      expect(Object.keys(one.body).sort()).toEqual(["body", "claim", "id", "isCited", "publishedAt", "updatedAt", "voices"]);
      // The stories quoted are in the corpus; none of their words reach the API.
      for (const { story } of CORPUS_STORIES) expect(JSON.stringify(one.body)).not.toContain(story.slice(0, 24));
      expect((await callApi(db, operations.getInsight, read, { key: key, params: { insightId: draft.id } })).status).toBe(404);

      const pages = [];
      let cursor: string | undefined;
      do {
        const page = await callApi(db, operations.listInsights, list, { key: key, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
        pages.push(...page.body.data.map((insight: { claim: string }) => insight.claim));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(pages).toHaveLength(4);
      expect(pages[0]).toBe("Checkout queues hurt loyalty.");
      expect(pages.slice(1, 3).sort()).toEqual(["Older three", "Older two"]);
      expect(pages[3]).toBe("Older one");
    });
  });

  it("answers 404 to another organization's key and 403 without the scope", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const [insight] = await db.insert(insights).values({ organizationId: org.id, claim: "People wait too long", status: "published", publishedAt: new Date() }).returning({ id: insights.id });
      const otherKey = await createApiKeyFor(db, (await createOrganization(db)).id, ["insights:read"]);
      expect((await callApi(db, operations.getInsight, read, { key: otherKey, params: { insightId: insight.id } })).status).toBe(404);
      expect((await callApi(db, operations.listInsights, list, { key: otherKey })).body.data).toEqual([]);
      const kpisOnly = await createApiKeyFor(db, org.id, ["kpis:read"]);
      expect((await callApi(db, operations.getInsight, read, { key: kpisOnly, params: { insightId: insight.id } })).status).toBe(403);
      expect((await callApi(db, operations.listInsights, list, { key: kpisOnly })).status).toBe(403);
    });
  });
});
