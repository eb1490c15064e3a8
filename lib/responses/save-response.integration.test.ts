import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { responseAnswers, responses, sessions } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { everyTypeDefinition } from "@/tests/instrument-fixtures";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { saveDraft } from "@/lib/instruments/save-draft";
import { saveResponse } from "./save-response";

const answers = { nps: 9, csat: 4, visit: "buy", grid: { clean: 5, calm: 3 } };

describe("saveResponse: exactly once", () => {
  const database = useTestDatabase();

  it("stores one response and one set of typed rows however often a submit is retried", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const customer = await createMember(db, org.id, "participant");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const responseId = randomUUID();
      const payload = { responseId, instrumentId, locale: "pl" as const, answers };

      expect(await saveResponse(db, customer.actor, { slug: org.slug }, { ...payload, answers: { nps: 9 } }, { complete: false })).toEqual({ responseId, status: "in_progress", isRepeat: false });
      expect(await saveResponse(db, customer.actor, { slug: org.slug }, payload, { complete: true })).toEqual({ responseId, status: "completed", isRepeat: false });
      expect(await saveResponse(db, customer.actor, { slug: org.slug }, payload, { complete: true })).toEqual({ responseId, status: "completed", isRepeat: true });
      // A second device that never saw the first id is pointed at the stored response.
      expect(await saveResponse(db, customer.actor, { slug: org.slug }, { ...payload, responseId: randomUUID() }, { complete: true })).toEqual({ responseId, status: "completed", isRepeat: true });

      expect(await db.select({ id: responses.id }).from(responses).where(eq(responses.instrumentId, instrumentId))).toHaveLength(1);
      expect(await db.select({ id: responseAnswers.id }).from(responseAnswers).where(eq(responseAnswers.responseId, responseId))).toHaveLength(5);
    });
  });

  it("refuses invalid answers with per-question keys and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const customer = await createMember(db, org.id, "participant");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const responseId = randomUUID();
      await expect(saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { nps: 12, visit: "nope" } }, { complete: true })).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { nps: "answerOutOfRange", visit: "answerUnknownChoice" },
      });
      await expect(saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { nps: 9 } }, { complete: true })).rejects.toMatchObject({
        fieldErrors: { csat: "answerRequired", visit: "answerRequired", grid: "answerRequired" },
      });
      expect(await db.select({ id: responses.id }).from(responses).where(eq(responses.id, responseId))).toEqual([]);
    });
  });

  it("keeps validating a response against the version it started on after a republication", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const customer = await createMember(db, org.id, "participant");
      const { instrumentId, researcher } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const responseId = randomUUID();
      await saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { visit: "return" } }, { complete: false });

      const v2 = everyTypeDefinition();
      v2.questions = v2.questions.map((q) => (q.id === "visit" && q.type === "single" ? { ...q, choices: [q.choices[0], { id: "browse", label: { en: "To browse", pl: "Rozejrzeć się", ru: "Посмотреть" } }] } : q));
      await saveDraft(db, researcher.actor, org.id, { instrumentId, name: "Store visit", revision: 2, definition: v2 });
      await publishInstrument(db, researcher.actor, org.id, { instrumentId });

      const result = await saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { ...answers, visit: "return", why_return: "Wrong size" } }, { complete: true });
      expect(result).toEqual({ responseId, status: "completed", isRepeat: false });
      const [stored] = await db.select({ answers: responses.answers }).from(responses).where(eq(responses.id, responseId));
      expect(stored.answers.why_return).toBe("Wrong size");
    });
  });

  it("answers NOT_FOUND to the wrong audience, a closed instrument, another tenant and someone else's response id", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const customer = await createMember(db, org.id, "participant");
      const neighbour = await createMember(db, org.id, "participant");
      const staff = await createMember(db, org.id, "frontline");
      const stranger = await createMember(db, other.id, "participant");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const responseId = randomUUID();
      await saveResponse(db, customer.actor, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { nps: 3 } }, { complete: false });

      const attempt = (actor: { userId: string }, orgId: string, id = randomUUID()) => saveResponse(db, actor, { id: orgId }, { responseId: id, instrumentId, locale: "en", answers }, { complete: true });
      await expect(attempt(staff.actor, org.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attempt(stranger.actor, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attempt(stranger.actor, org.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attempt(neighbour.actor, org.id, responseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attempt(researcher.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});

describe("saveResponse from a session cookie (the lean capture path)", () => {
  const database = useTestDatabase();

  it("accepts a live session, and refuses an expired or unknown one as unauthenticated", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const customer = await createMember(db, org.id, "participant");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      await db.insert(sessions).values([
        { sessionToken: "live-token", userId: customer.userId, expires: new Date(Date.now() + 60_000) },
        { sessionToken: "old-token", userId: customer.userId, expires: new Date(Date.now() - 60_000) },
      ]);
      const submit = (sessionToken: string) => saveResponse(db, { sessionToken }, { slug: org.slug }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true });
      await expect(submit("old-token")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(submit("no-such-token")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      expect(await submit("live-token")).toMatchObject({ status: "completed", isRepeat: false });
      const [stored] = await db.select({ respondent: responses.respondentUserId }).from(responses).where(eq(responses.instrumentId, instrumentId));
      expect(stored.respondent).toBe(customer.userId);
    });
  });
});
