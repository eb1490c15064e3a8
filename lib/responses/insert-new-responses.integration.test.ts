import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { instrumentVersions, responseAnswers, responses, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { createKpi } from "@/lib/kpis/create-kpi";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { answerRows } from "./answer-rows";
import { insertNewResponses, type NewResponse } from "./insert-new-response";

const csat = { ...ITEM_BANK.find((item) => item.code === "CSAT")!.question, id: "csat" } as Question;
const survey: Definition = { title: { en: "Visit" }, defaultLocale: "en", requiredLocales: ["en"], questions: [csat, { id: "why", type: "text", multiline: false, maxLength: 200, required: false, prompt: { en: "Why?" } }] };

describe("insertNewResponses: a batch of new responses in one statement", () => {
  const database = useTestDatabase();

  it("stores each new response with its answer rows, rollups and webhook delivery, and skips one that exists without touching it", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const researcher = await createMember(db, org.id, "researcher");
      await db.insert(webhookEndpoints).values({ organizationId: org.id, url: "https://hooks.example.com/all", events: WEBHOOK_EVENT_TYPES, secret: "whsec_test", createdByUserId: admin.userId });
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: survey });
      const kpi = await createKpi(db, researcher.actor, org.id, { name: "Satisfaction", aggregation: "mean", itemCodes: "CSAT", period: "monthly" });
      const [{ versionId }] = await db.select({ versionId: instrumentVersions.id }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, instrumentId));
      const now = new Date("2027-03-01T09:00:00Z");
      const newResponse = async (status: NewResponse["status"], answers: NewResponse["answers"], id: string = randomUUID()): Promise<NewResponse> => {
        const customer = await createMember(db, org.id, "participant");
        const rows = status === "completed" ? answerRows(survey, answers) : [];
        return { id, organizationId: org.id, instrumentId, instrumentVersionId: versionId, respondentUserId: customer.userId, status, locale: "en", answers, attributes: { region: "North" }, rows, now };
      };

      const existing = await newResponse("in_progress", { csat: 2 });
      expect(await insertNewResponses(db, [existing])).toEqual(new Set([existing.id]));
      // A retried id from another person in the batch: skipped, the stored response left as it was.
      const intruder = { ...(await newResponse("completed", { csat: 5 })), id: existing.id };
      const batch = [await newResponse("completed", { csat: 5, why: "kind" }), intruder, await newResponse("completed", { csat: 3 }), await newResponse("in_progress", { csat: 4 })];

      const inserted = await insertNewResponses(db, batch);

      expect(inserted).toEqual(new Set([batch[0].id, batch[2].id, batch[3].id]));
      const [kept] = await db.select({ respondent: responses.respondentUserId, status: responses.status }).from(responses).where(eq(responses.id, existing.id));
      expect(kept).toEqual({ respondent: existing.respondentUserId, status: "in_progress" });
      const answerRowsStored = await db.select({ responseId: responseAnswers.responseId, question: responseAnswers.questionId }).from(responseAnswers).where(eq(responseAnswers.instrumentId, instrumentId));
      expect(answerRowsStored.map((row) => `${row.responseId === batch[0].id ? "first" : row.responseId === batch[2].id ? "third" : "other"}:${row.question}`).sort()).toEqual(["first:csat", "first:why", "third:csat"]);
      const deliveries = await db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, org.id), eq(webhookDeliveries.eventType, "response.created")));
      expect(deliveries.map((row) => (row.payload as { responseId: string }).responseId).sort()).toEqual([batch[0].id, batch[2].id].sort());
      // The rollups count the two completed responses, once for everyone and once in their region.
      const rollups = rowsOf<{ segmentKey: string; n: number }>(
        await db.execute(sql`select segment_key as "segmentKey", sum(n)::int as n from kpi_rollups where kpi_id = ${kpi.id}::uuid group by segment_key order by segment_key`),
      );
      expect(rollups).toEqual([
        { segmentKey: "", n: 2 },
        { segmentKey: "region", n: 2 },
      ]);
    });
  });
});
