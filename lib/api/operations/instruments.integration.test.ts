import { describe, expect, it } from "vitest";
import type { Definition } from "@/lib/instruments/definition";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { useTestDatabase } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { sampleDefinition } from "@/tests/instrument-factories";
import * as handlers from "../handlers/instruments";
import * as operations from "./instruments";

function untranslated(): Definition {
  const definition = sampleDefinition();
  const [, nps] = definition.questions;
  return { ...definition, questions: [definition.questions[0], { ...nps, prompt: { en: "Recommend us?" } }, ...definition.questions.slice(2)] };
}

describe("public API: instruments", () => {
  const database = useTestDatabase();

  it("creates, drafts with optimistic concurrency, publishes with the builder's checks, opens and reads versions", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["instruments:write"]);
      const call = <O extends keyof typeof operations & keyof typeof handlersByOperation>(name: O, init: Omit<Parameters<typeof callApi>[3], "key">) =>
        callApi(db, operations[name] as never, handlersByOperation[name] as never, { key, ...init });

      const created = await call("createInstrumentOperation", { body: { name: "Visit check-in", definition: untranslated() } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: "Visit check-in", latestVersion: 0, isOpen: false, hasUnpublishedChanges: true, draftRevision: 2, versions: [] });
      expect(created.body.draft.questions).toHaveLength(9);
      const instrumentId = created.body.id;

      const blocked = await call("publishInstrumentOperation", { params: { instrumentId } });
      expect(blocked.status).toBe(422);
      expect(blocked.body.code).toBe("publishMissingTranslations");
      expect(blocked.body.errors).toEqual([
        { pointer: "/body/definition/questions/1/prompt/pl", code: "translationMissing", detail: expect.any(String) },
        { pointer: "/body/definition/questions/1/prompt/ru", code: "translationMissing", detail: expect.any(String) },
      ]);
      const closedEarly = await call("setInstrumentAvailabilityOperation", { params: { instrumentId }, body: { isOpen: true, audience: ["participant"] } });
      expect(closedEarly.status).toBe(409);
      expect(closedEarly.body.code).toBe("openUnpublished");

      const saved = await call("saveInstrumentDraftOperation", { params: { instrumentId }, body: { name: "Visit check-in", revision: 2, definition: sampleDefinition() } });
      expect(saved.status).toBe(200);
      expect(saved.body.draftRevision).toBe(3);
      const stale = await call("saveInstrumentDraftOperation", { params: { instrumentId }, body: { name: "Someone else's", revision: 2, definition: sampleDefinition() } });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe("draftOutdated");

      const published = await call("publishInstrumentOperation", { params: { instrumentId } });
      expect(published.status).toBe(201);
      expect(published.body).toEqual({ version: 1, publishedAt: expect.any(String) });
      const opened = await call("setInstrumentAvailabilityOperation", { params: { instrumentId }, body: { isOpen: true, audience: ["participant", "frontline"] } });
      expect(opened.body).toMatchObject({ isOpen: true, audience: ["participant", "frontline"], latestVersion: 1, hasUnpublishedChanges: false });

      expect((await call("listInstrumentVersionsOperation", { params: { instrumentId } })).body).toEqual({ data: [{ version: 1, publishedAt: published.body.publishedAt }] });
      const version = await call("getInstrumentVersionOperation", { params: { instrumentId, version: 1 } });
      expect(version.body.definition).toEqual(sampleDefinition());
      expect((await call("getInstrumentVersionOperation", { params: { instrumentId, version: 2 } })).status).toBe(404);
      expect((await call("getInstrumentVersionOperation", { params: { instrumentId, version: "latest" } })).status).toBe(400);
    });
  });

  it("refuses a definition the builder would refuse, with pointers, and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["instruments:write"]);
      const definition = sampleDefinition();
      const twice = { ...definition, questions: [...definition.questions, { ...definition.questions[1] }] };
      const refused = await callApi(db, operations.createInstrumentOperation, handlers.createInstrumentHandler, { key, body: { name: "Twice", definition: twice } });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: "/body/definition/questions/9/id", code: "idDuplicate" })]);
      expect((await callApi(db, operations.createInstrumentOperation, handlers.createInstrumentHandler, { key, body: { name: "x", definition } })).body.errors[0]).toMatchObject({ pointer: "/body/name", code: "nameTooShort" });
      expect((await callApi(db, operations.listInstrumentsOperation, handlers.listInstrumentsHandler, { key })).body.data).toEqual([]);
    });
  });

  it("lists instruments page by page; another organization's key finds none and gets 404; a read key may not write", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["instruments:write"]);
      const ids: string[] = [];
      for (const name of ["First", "Second", "Third"]) ids.push((await callApi(db, operations.createInstrumentOperation, handlers.createInstrumentHandler, { key, body: { name, definition: sampleDefinition() } })).body.id);

      const first = await callApi(db, operations.listInstrumentsOperation, handlers.listInstrumentsHandler, { key, query: { limit: 2 } });
      expect(first.body.data).toHaveLength(2);
      expect(first.body.data[0]).toMatchObject({ completedResponses: 0, program: null, audience: ["participant"], latestVersion: 0 });
      const second = await callApi(db, operations.listInstrumentsOperation, handlers.listInstrumentsHandler, { key, query: { limit: 2, cursor: first.body.nextCursor } });
      expect(second.body).toMatchObject({ nextCursor: null });
      expect([...first.body.data, ...second.body.data].map((instrument: { id: string }) => instrument.id).sort()).toEqual([...ids].sort());
      expect((await callApi(db, operations.listInstrumentsOperation, handlers.listInstrumentsHandler, { key, query: { programId: "none" } })).body.data).toHaveLength(3);

      const stranger = await createApiKeyFor(db, other.id, ["instruments:write"]);
      const instrumentId = ids[0];
      const strangerCalls = [
        callApi(db, operations.getInstrumentOperation, handlers.getInstrumentHandler, { key: stranger, params: { instrumentId } }),
        callApi(db, operations.saveInstrumentDraftOperation, handlers.saveInstrumentDraftHandler, { key: stranger, params: { instrumentId }, body: { name: "Mine", revision: 2, definition: sampleDefinition() } }),
        callApi(db, operations.publishInstrumentOperation, handlers.publishInstrumentHandler, { key: stranger, params: { instrumentId } }),
        callApi(db, operations.setInstrumentAvailabilityOperation, handlers.setInstrumentAvailabilityHandler, { key: stranger, params: { instrumentId }, body: { isOpen: false, audience: ["participant"] } }),
        callApi(db, operations.listInstrumentVersionsOperation, handlers.listInstrumentVersionsHandler, { key: stranger, params: { instrumentId } }),
        callApi(db, operations.getInstrumentVersionOperation, handlers.getInstrumentVersionHandler, { key: stranger, params: { instrumentId, version: 1 } }),
      ];
      for (const response of await Promise.all(strangerCalls)) expect(response.status).toBe(404);
      expect((await callApi(db, operations.listInstrumentsOperation, handlers.listInstrumentsHandler, { key: stranger })).body.data).toEqual([]);

      const reader = await createApiKeyFor(db, org.id, ["instruments:read"]);
      expect((await callApi(db, operations.getInstrumentOperation, handlers.getInstrumentHandler, { key: reader, params: { instrumentId } })).status).toBe(200);
      expect((await callApi(db, operations.publishInstrumentOperation, handlers.publishInstrumentHandler, { key: reader, params: { instrumentId } })).status).toBe(403);
      expect((await callApi(db, operations.createInstrumentOperation, handlers.createInstrumentHandler, { key: reader, body: { name: "No", definition: sampleDefinition() } })).status).toBe(403);
      const programsKey = await createApiKeyFor(db, org.id, ["programs:write"]);
      expect((await callApi(db, operations.getInstrumentOperation, handlers.getInstrumentHandler, { key: programsKey, params: { instrumentId } })).status).toBe(403);
    });
  });
});

const handlersByOperation = {
  createInstrumentOperation: handlers.createInstrumentHandler,
  publishInstrumentOperation: handlers.publishInstrumentHandler,
  setInstrumentAvailabilityOperation: handlers.setInstrumentAvailabilityHandler,
  saveInstrumentDraftOperation: handlers.saveInstrumentDraftHandler,
  listInstrumentVersionsOperation: handlers.listInstrumentVersionsHandler,
  getInstrumentVersionOperation: handlers.getInstrumentVersionHandler,
};
