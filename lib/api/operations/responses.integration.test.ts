import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, responseAnswers, responses } from "@/db/schema";
import { FRONTLINE_PULSE } from "@/lib/frontline/default-pulse";
import { setAvailability } from "@/lib/instruments/set-availability";
import { responseIdForIdempotencyKey } from "@/lib/responses/api-response-id";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createFrontlineCycle, createFrontlineProgram, createStaff } from "@/tests/frontline-factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { createParticipantResponseHandler, getResponseHandler, listInstrumentResponsesHandler } from "../handlers/responses";
import { createParticipantResponseOperation, getResponseOperation, listInstrumentResponsesOperation } from "./responses";

const answers = { nps: 9, emp: 4, reason: "buy", depts: { choiceIds: ["shoes"], other: "Kayaks" }, rank: ["advice", "price"], grid: { clean: 5 }, comment: "Friendly staff" };

async function rowCounts(db: Db, instrumentId: string) {
  const [stored] = await db.select({ n: count() }).from(responses).where(eq(responses.instrumentId, instrumentId));
  const [rows] = await db.select({ n: count() }).from(responseAnswers).where(eq(responseAnswers.instrumentId, instrumentId));
  return { responses: stored.n, answerRows: rows.n };
}

describe("public API: responses", () => {
  const database = useTestDatabase();

  it("submits a participant's answers exactly once per Idempotency-Key, and refuses the key's reuse", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { instrumentId } = await createOpenInstrument(db, org.id);
      const customer = await createMember(db, org.id, "participant");
      const another = await createMember(db, org.id, "participant");
      const key = await createApiKeyFor(db, org.id, ["responses:write"]);
      const idempotencyKey = randomUUID();
      const submit = (body: unknown, headers: Record<string, string> = { "Idempotency-Key": idempotencyKey }, id = instrumentId) =>
        callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key, params: { instrumentId: id }, body, headers });
      const body = { participantId: customer.userId, locale: "pl", answers };

      const first = await submit(body);
      expect(first.status).toBe(201);
      // The key names the response within this organization only.
      expect(first.body).toEqual({ id: responseIdForIdempotencyKey(org.id, idempotencyKey), instrumentId, status: "completed", locale: "pl", version: 1, submittedAt: expect.any(String) });
      const counted = await rowCounts(db, instrumentId);
      expect(counted.responses).toBe(1);

      const retry = await submit(body);
      expect(retry.status).toBe(200);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.body).toEqual(first.body);
      expect(await rowCounts(db, instrumentId)).toEqual(counted);

      for (const reuse of [{ ...body, participantId: another.userId }, { ...body, answers: { ...answers, nps: 3 } }, { ...body, locale: "en" }]) {
        const conflict = await submit(reuse);
        expect(conflict.status).toBe(409);
        expect(conflict.body.code).toBe("idempotencyKeyReused");
      }
      const { instrumentId: otherInstrument } = await createOpenInstrument(db, org.id);
      expect((await submit(body, undefined, otherInstrument)).body.code).toBe("idempotencyKeyReused");

      const again = await submit(body, { "Idempotency-Key": randomUUID() });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe("participantAlreadyAnswered");
      expect((await submit(body, {})).status).toBe(422);
      expect(await rowCounts(db, instrumentId)).toEqual(counted);
      expect((await rowCounts(db, otherInstrument)).responses).toBe(0);
    });
  });

  it("validates answers as the respondent pages do, pointing at each question in the reader's language, and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { instrumentId, researcher } = await createOpenInstrument(db, org.id);
      const customer = await createMember(db, org.id, "participant");
      const staff = await createMember(db, org.id, "frontline");
      const admin = await createMember(db, org.id, "admin");
      const outsider = await createMember(db, (await createOrganization(db)).id, "participant");
      const key = await createApiKeyFor(db, org.id, ["responses:write"]);
      const submit = (body: unknown, headers: Record<string, string> = {}) =>
        callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key, params: { instrumentId }, body, headers: { "Idempotency-Key": randomUUID(), ...headers } });

      const invalid = await submit({ participantId: customer.userId, locale: "en", answers: { nps: 11, reason: "nope", ghost: 1 } }, { "Accept-Language": "pl" });
      expect(invalid.status).toBe(422);
      expect(invalid.body.code).toBe("answersInvalid");
      const byPointer = Object.fromEntries(invalid.body.errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code]));
      expect(byPointer).toEqual({ "/body/answers/nps": "answerOutOfRange", "/body/answers/reason": "answerUnknownChoice", "/body/answers/ghost": "answerUnknownQuestion", "/body/answers/emp": "answerRequired" });
      expect(invalid.body.errors.find((error: { pointer: string }) => error.pointer === "/body/answers/emp").detail).toBe("To pytanie wymaga odpowiedzi.");

      const wrongShape = await submit({ participantId: customer.userId, locale: "xx", answers: { nps: true } });
      expect(wrongShape.status).toBe(422);
      expect(wrongShape.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(["/body/answers/nps", "/body/locale"]);

      // Not in the audience (staff), no role that answers (admin), not a member: the participant is at fault.
      for (const participantId of [staff.userId, admin.userId, outsider.userId, "no-such-user"]) {
        const refused = await submit({ participantId, locale: "en", answers: { nps: 9, emp: 4 } });
        expect(refused.status).toBe(422);
        expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: "/body/participantId", code: "participantCannotAnswer" })]);
      }
      await setAvailability(db, researcher.actor, org.id, { instrumentId, isOpen: false, audience: ["participant"] });
      const closed = await submit({ participantId: customer.userId, locale: "en", answers: { nps: 9, emp: 4 } });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe("instrumentNotOpen");
      expect(await rowCounts(db, instrumentId)).toEqual({ responses: 0, answerRows: 0 });
    });
  });

  it("lists responses by keyset with the responses view's filters, and reads one by its answers, never naming who answered", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { instrumentId } = await createOpenInstrument(db, org.id);
      const writer = await createApiKeyFor(db, org.id, ["responses:write"]);
      const people = await Promise.all([1, 2, 3].map(() => createMember(db, org.id, "participant")));
      const ids: string[] = [];
      for (const [index, person] of people.entries()) {
        const comment = index === 0 ? "The kayak advice was great" : "Fine";
        const submitted = await callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key: writer, params: { instrumentId }, body: { participantId: person.userId, locale: "en", answers: { ...answers, comment } }, headers: { "Idempotency-Key": randomUUID() } });
        expect(submitted.status).toBe(201);
        ids.push(submitted.body.id);
      }

      const reader = await createApiKeyFor(db, org.id, ["responses:read"]);
      const list = (query: Record<string, string | number | undefined>) => callApi(db, listInstrumentResponsesOperation, listInstrumentResponsesHandler, { key: reader, params: { instrumentId }, query });
      const first = await list({ limit: 2 });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(2);
      expect(Object.keys(first.body.data[0]).sort()).toEqual(["attributes", "id", "locale", "status", "submittedAt", "updatedAt", "version"]);
      const second = await list({ limit: 2, cursor: first.body.nextCursor });
      expect(second.body.nextCursor).toBeNull();
      expect([...first.body.data, ...second.body.data].map((response: { id: string }) => response.id).sort()).toEqual([...ids].sort());
      expect((await list({ q: "advice was great" })).body.data.map((response: { id: string }) => response.id)).toEqual([ids[0]]);
      expect((await list({ status: "in_progress" })).body.data).toEqual([]);
      expect((await list({ from: "2999-01-01" })).body.data).toEqual([]);
      expect((await list({ from: "yesterday" })).body.errors[0]).toMatchObject({ pointer: "/query/from", code: "dateInvalid" });

      const read = await callApi(db, getResponseOperation, getResponseHandler, { key: reader, params: { responseId: ids[0] } });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: ids[0], instrumentId, status: "completed", version: 1, locale: "en" });
      expect(read.body.answers).toContainEqual({ questionId: "nps", itemCode: "NPS", type: "scale", value: 9 });
      expect(read.body.answers).toContainEqual({ questionId: "depts", itemCode: null, type: "multiple", value: { choiceIds: ["shoes"], other: "Kayaks" } });
      expect(JSON.stringify(read.body)).not.toContain(people[0].userId);
      expect(JSON.stringify(read.body)).not.toContain(people[0].email);
      const [audit] = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, ids[0]));
      expect(audit).toEqual({ action: "response.viewed" });
    });
  });

  it("never shows a frontline pulse's answers one by one", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const program = await createFrontlineProgram(db, org.id);
      const { instrumentId } = await createFrontlineCycle(db, org.id, program.id, 0, "open");
      const staff = await createStaff(db, org.id, { team: "Floor" });
      const key = await createApiKeyFor(db, org.id, ["responses:write"]);
      const idempotencyKey = randomUUID();
      const answerTo = (question: (typeof FRONTLINE_PULSE.questions)[number]) => (question.type === "single" ? question.choices[0].id : question.type === "text" ? "Long queues at noon" : 4);
      const pulseAnswers = Object.fromEntries(FRONTLINE_PULSE.questions.filter((question) => question.required).map((question) => [question.id, answerTo(question)]));
      const submitted = await callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key, params: { instrumentId }, body: { participantId: staff.userId, locale: "en", answers: pulseAnswers }, headers: { "Idempotency-Key": idempotencyKey } });
      expect(submitted.status).toBe(201);
      const responseId = submitted.body.id;

      const listed = await callApi(db, listInstrumentResponsesOperation, listInstrumentResponsesHandler, { key, params: { instrumentId } });
      expect(listed.status).toBe(403);
      expect(listed.body.code).toBe("frontlineAnswersAnonymous");
      expect(JSON.stringify(listed.body)).not.toContain(staff.userId);
      const read = await callApi(db, getResponseOperation, getResponseHandler, { key, params: { responseId } });
      expect(read.status).toBe(403);
      expect(JSON.stringify(read.body)).not.toContain(staff.userId);
    });
  });

  it("answers 404 to another organization's key, and 403 without the scope", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const { instrumentId } = await createOpenInstrument(db, org.id);
      const customer = await createMember(db, org.id, "participant");
      const key = await createApiKeyFor(db, org.id, ["responses:write"]);
      const body = { participantId: customer.userId, locale: "en", answers: { nps: 9, emp: 4 } };
      const responseId = (await callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key, params: { instrumentId }, body, headers: { "Idempotency-Key": randomUUID() } })).body.id;

      const stranger = await createApiKeyFor(db, other.id, ["responses:write"]);
      expect((await callApi(db, listInstrumentResponsesOperation, listInstrumentResponsesHandler, { key: stranger, params: { instrumentId } })).status).toBe(404);
      expect((await callApi(db, getResponseOperation, getResponseHandler, { key: stranger, params: { responseId } })).status).toBe(404);
      const foreignSubmit = await callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key: stranger, params: { instrumentId }, body, headers: { "Idempotency-Key": randomUUID() } });
      expect(foreignSubmit.status).toBe(404);

      const reader = await createApiKeyFor(db, org.id, ["responses:read"]);
      const forbidden = await callApi(db, createParticipantResponseOperation, createParticipantResponseHandler, { key: reader, params: { instrumentId }, body, headers: { "Idempotency-Key": randomUUID() } });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.code).toBe("apiKeyScopeMissing");
      const instrumentsKey = await createApiKeyFor(db, org.id, ["instruments:write"]);
      expect((await callApi(db, getResponseOperation, getResponseHandler, { key: instrumentsKey, params: { responseId } })).status).toBe(403);
      expect((await rowCounts(db, instrumentId)).responses).toBe(1);
    });
  });
});
