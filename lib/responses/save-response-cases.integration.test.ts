import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { instrumentVersions, responseAnswers, responses } from "@/db/schema";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { saveDraft } from "@/lib/instruments/save-draft";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument, sampleDefinition } from "@/tests/instrument-factories";
import { getMyResponse } from "./get-my-response";
import { saveResponse } from "./save-response";

const FULL = {
  nps: 9,
  emp: 4,
  stars: 5,
  reason: "buy",
  depts: { choiceIds: ["shoes"], other: "Kayaks" },
  rank: ["advice", "price"],
  grid: { clean: 5, calm: 3 },
  comment: "Lovely staff",
};

async function setup(db: Db) {
  const org = await createOrganization(db);
  const { instrumentId, researcher } = await createOpenInstrument(db, org.id);
  const customer = await createMember(db, org.id, "participant");
  return { org, instrumentId, researcher, customer };
}

async function stored(db: Db, instrumentId: string) {
  const rows = await db.select({ id: responses.id, status: responses.status, answers: responses.answers, versionId: responses.instrumentVersionId }).from(responses).where(eq(responses.instrumentId, instrumentId));
  const typed = await db.select({ responseId: responseAnswers.responseId, questionId: responseAnswers.questionId, itemCode: responseAnswers.itemCode, subKey: responseAnswers.subKey, numericValue: responseAnswers.numericValue, choiceId: responseAnswers.choiceId, textValue: responseAnswers.textValue }).from(responseAnswers).where(eq(responseAnswers.instrumentId, instrumentId));
  return { rows, typed };
}

describe("saveResponse", () => {
  const database = useTestDatabase();

  it("saves partial answers, then submits them once with typed rows", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, customer } = await setup(db);
      const responseId = randomUUID();
      const partial = await saveResponse(db, customer.actor, { slug: org.slug }, { responseId, instrumentId, locale: "pl", answers: { nps: 9 } }, { complete: false });
      expect(partial).toEqual({ responseId, status: "in_progress", isRepeat: false });
      let state = await stored(db, instrumentId);
      expect(state.rows).toMatchObject([{ id: responseId, status: "in_progress", answers: { nps: 9 } }]);
      expect(state.typed).toEqual([]);

      const submitted = await saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "pl", answers: FULL }, { complete: true });
      expect(submitted).toEqual({ responseId, status: "completed", isRepeat: false });
      state = await stored(db, instrumentId);
      expect(state.rows).toMatchObject([{ id: responseId, status: "completed", answers: FULL }]);
      expect(state.typed).toHaveLength(11);
      expect(state.typed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ questionId: "nps", itemCode: "NPS", numericValue: 9 }),
          expect.objectContaining({ questionId: "emp", itemCode: "SERVQUAL_EMP_1", numericValue: 4 }),
          expect.objectContaining({ questionId: "depts", subKey: "other", textValue: "Kayaks" }),
          expect.objectContaining({ questionId: "rank", subKey: "advice", numericValue: 1 }),
          expect.objectContaining({ questionId: "grid", subKey: "calm", numericValue: 3 }),
        ]),
      );
    });
  });

  it("counts a retried submit with the same id once", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, customer } = await setup(db);
      const payload = { responseId: randomUUID(), instrumentId, locale: "en" as const, answers: FULL };
      await saveResponse(db, customer.actor, { id: org.id }, payload, { complete: true });
      const retry = await saveResponse(db, customer.actor, { id: org.id }, payload, { complete: true });
      expect(retry).toEqual({ responseId: payload.responseId, status: "completed", isRepeat: true });
      // A late autosave from the same device changes nothing either.
      expect(await saveResponse(db, customer.actor, { id: org.id }, { ...payload, answers: { nps: 0 } }, { complete: false })).toMatchObject({ isRepeat: true });
      const state = await stored(db, instrumentId);
      expect(state.rows).toHaveLength(1);
      expect(state.rows[0].answers).toEqual(FULL);
      expect(state.typed).toHaveLength(11);
    });
  });

  it("points a second device at the original response", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, customer } = await setup(db);
      const first = randomUUID();
      await saveResponse(db, customer.actor, { id: org.id }, { responseId: first, instrumentId, locale: "en", answers: { nps: 3 } }, { complete: false });
      // While the first is in progress the phone is told to reload it…
      const second = { responseId: randomUUID(), instrumentId, locale: "en" as const, answers: FULL };
      await expect(saveResponse(db, customer.actor, { id: org.id }, second, { complete: true })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "responseStartedElsewhere" });
      await saveResponse(db, customer.actor, { id: org.id }, { responseId: first, instrumentId, locale: "en", answers: FULL }, { complete: true });
      // …and once it is completed, the phone's submit is a repeat of it.
      expect(await saveResponse(db, customer.actor, { id: org.id }, second, { complete: true })).toEqual({ responseId: first, status: "completed", isRepeat: true });
      const state = await stored(db, instrumentId);
      expect(state.rows.map((row) => row.id)).toEqual([first]);
      expect(new Set(state.typed.map((row) => row.responseId))).toEqual(new Set([first]));
    });
  });

  it("refuses invalid answers per question and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, customer } = await setup(db);
      const answers = { nps: 11, reason: "steal", depts: { choiceIds: ["shoes", "tents", "bikes"] }, grid: { clean: 6 }, ghost: "boo" };
      const error = await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: "INVALID",
        messageKey: "answersInvalid",
        fieldErrors: { nps: "answerOutOfRange", reason: "answerUnknownChoice", depts: "answerTooMany", grid: "answerOutOfRange", ghost: "answerUnknownQuestion", emp: "answerRequired" },
      });
      // A partial save checks values but not completeness.
      await expect(saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { stars: 6 } }, { complete: false })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { stars: "answerOutOfRange" } });
      const state = await stored(db, instrumentId);
      expect(state.rows).toEqual([]);
      expect(state.typed).toEqual([]);
    });
  });

  it("does not find closed instruments, another audience's or another organization's", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const elsewhere = await createOrganization(db);
      const customer = await createMember(db, org.id, "participant");
      const closed = await createOpenInstrument(db, org.id, { isOpen: false });
      const staffOnly = await createOpenInstrument(db, org.id, { audience: ["frontline"] });
      const foreign = await createOpenInstrument(db, elsewhere.id);
      for (const [orgId, instrumentId] of [[org.id, closed.instrumentId], [org.id, staffOnly.instrumentId], [org.id, foreign.instrumentId], [elsewhere.id, foreign.instrumentId]]) {
        await expect(saveResponse(db, customer.actor, { id: orgId }, { responseId: randomUUID(), instrumentId, locale: "en", answers: FULL }, { complete: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await db.select({ id: responses.id }).from(responses).where(eq(responses.respondentUserId, customer.userId))).toEqual([]);
    });
  });

  it("keeps validating a response against the version it started on", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, researcher, customer } = await setup(db);
      const responseId = randomUUID();
      await saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { nps: 8 } }, { complete: false });

      const v2 = sampleDefinition();
      v2.questions.push({ id: "extra", type: "text", multiline: false, maxLength: 100, prompt: { en: "New", pl: "Nowe", ru: "Новое" }, required: true });
      await saveDraft(db, researcher.actor, org.id, { instrumentId, name: "Visit check-in", revision: 2, definition: v2 });
      expect(await publishInstrument(db, researcher.actor, org.id, { instrumentId })).toMatchObject({ version: 2 });

      const resumed = await getMyResponse(db, customer.actor, { id: org.id }, instrumentId);
      expect(resumed.version.version).toBe(1);
      expect(resumed.response).toMatchObject({ id: responseId, answers: { nps: 8 } });
      // Version 2's question is unknown to version 1, and its requirement does not apply.
      await expect(saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { ...FULL, extra: "x" } }, { complete: true })).rejects.toMatchObject({ fieldErrors: { extra: "answerUnknownQuestion" } });
      expect(await saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: FULL }, { complete: true })).toMatchObject({ status: "completed", isRepeat: false });
      const [v1] = await db.select({ id: instrumentVersions.id }).from(instrumentVersions).where(eq(instrumentVersions.version, 1)).innerJoin(responses, eq(responses.instrumentVersionId, instrumentVersions.id));
      expect((await stored(db, instrumentId)).rows).toMatchObject([{ id: responseId, versionId: v1.id, status: "completed" }]);

      // A newcomer answers version 2, where the new question is required.
      const newcomer = await createMember(db, org.id, "participant");
      await expect(saveResponse(db, newcomer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: FULL }, { complete: true })).rejects.toMatchObject({ fieldErrors: { extra: "answerRequired" } });
    });
  });
});
