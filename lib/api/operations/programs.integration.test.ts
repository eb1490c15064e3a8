import { describe, expect, it } from "vitest";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { useTestDatabase } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { createProgramHandler, getProgramHandler, listProgramsHandler, updateProgramHandler } from "../handlers/programs";
import { createProgramOperation, getProgramOperation, listProgramsOperation, updateProgramOperation } from "./programs";

const council = { kind: "council", name: "Customer council", purpose: "Hear customers before we change the service." };
const panel = { kind: "panel", name: "Product panel", purpose: "Ask customers when a study needs them." };
const frontline = { kind: "frontline", openDay: 3, openForDays: 10, maxReminders: 1, reminderEveryDays: 3 };

describe("public API: programs", () => {
  const database = useTestDatabase();

  it("creates a council, a panel and the one frontline program, validated as in the app", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      // A council's default survey is an instrument: creating one also needs instruments:write.
      const key = await createApiKeyFor(db, org.id, ["programs:write", "instruments:write"]);
      const create = (body: unknown) => callApi(db, createProgramOperation, createProgramHandler, { key, body });

      const created = await create(council);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: "council", name: "Customer council", cadence: "quarterly", defaultLocale: "en", activeMembers: 0, sessions: [{ sequence: 0, status: "scheduled" }] });
      expect(created.body.templateInstrumentId).toEqual(expect.any(String));
      expect((await create(panel)).body).toMatchObject({ kind: "panel", name: "Product panel", panelQuotas: [] });
      expect((await create(frontline)).body).toMatchObject({ kind: "frontline", openDay: 3, openForDays: 10, status: "active" });

      const second = await create(frontline);
      expect(second.status).toBe(409);
      expect(second.body.code).toBe("frontlineProgramExists");
      const invalid = await create({ ...council, name: "x", openDay: 31 });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: "/body/name", code: "nameTooShort" }), expect.objectContaining({ pointer: "/body/openDay", code: "openDayInvalid" })]));
      expect((await create({ kind: "club", name: "Club" })).status).toBe(422);

      const programsOnly = await createApiKeyFor(db, org.id, ["programs:write"]);
      expect((await callApi(db, createProgramOperation, createProgramHandler, { key: programsOnly, body: council })).status).toBe(403);
    });
  });

  it("lists programs by kind and status, page by page", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["programs:write", "instruments:write"]);
      for (const body of [panel, { ...panel, name: "Second panel" }, { ...panel, name: "Third panel" }, frontline]) await callApi(db, createProgramOperation, createProgramHandler, { key, body });

      const reader = await createApiKeyFor(db, org.id, ["programs:read"]);
      const list = (query: Record<string, string | number | undefined>) => callApi(db, listProgramsOperation, listProgramsHandler, { key: reader, query });
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await list({ limit: 3, cursor });
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((program: { id: string }) => program.id));
        cursor = page.body.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(2);
      expect(new Set(seen).size).toBe(4);

      const panels = await list({ kind: "panel" });
      expect(panels.body.data.map((program: { name: string }) => program.name).sort()).toEqual(["Product panel", "Second panel", "Third panel"]);
      expect(panels.body.data[0]).toEqual({ id: expect.any(String), kind: "panel", name: expect.any(String), purpose: panel.purpose, status: "active", defaultLocale: "en", targetSize: null, activeMembers: 0, createdAt: expect.any(String) });
      expect((await list({ status: "archived" })).body.data).toEqual([]);
      expect((await list({ kind: "club" })).status).toBe(400);
      const forged = await list({ cursor: "bm90LWEtY3Vyc29y" });
      expect(forged.status).toBe(400);
      expect(forged.body.errors[0]).toMatchObject({ pointer: "/query/cursor", code: "cursorInvalid" });
    });
  });

  it("changes only the settings sent, and refuses a setting of another kind", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["programs:write", "instruments:write"]);
      const created = await callApi(db, createProgramOperation, createProgramHandler, { key, body: { ...council, cadence: "monthly", targetSize: 40 } });
      const programId = created.body.id;
      const patch = (body: unknown, id = programId) => callApi(db, updateProgramOperation, updateProgramHandler, { key, params: { programId: id }, body });

      const renamed = await patch({ name: "Renamed council" });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: "Renamed council", cadence: "monthly", targetSize: 40, purpose: council.purpose, consentText: created.body.consentText });
      const foreign = await patch({ panelQuotas: [] });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors).toEqual([expect.objectContaining({ pointer: "/body/panelQuotas", code: "programSettingNotApplicable" })]);
      expect((await patch({ nmae: "typo" })).status).toBe(422);
      expect((await patch({ openForDays: 99 })).body.errors[0]).toMatchObject({ pointer: "/body/openForDays", code: "openForDaysInvalid" });

      const front = await callApi(db, createProgramOperation, createProgramHandler, { key, body: frontline });
      const paused = await patch({ isActive: false, openDay: 5 }, front.body.id);
      expect(paused.body).toMatchObject({ kind: "frontline", status: "archived", openDay: 5, openForDays: 10 });

      const reader = await createApiKeyFor(db, org.id, ["programs:read"]);
      expect((await callApi(db, updateProgramOperation, updateProgramHandler, { key: reader, params: { programId }, body: { name: "No" } })).status).toBe(403);
      expect((await callApi(db, getProgramOperation, getProgramHandler, { key: reader, params: { programId } })).body.name).toBe("Renamed council");
    });
  });

  it("answers 404 for another organization's program, and 403 without the scope", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["programs:write", "instruments:write"]);
      const { body } = await callApi(db, createProgramOperation, createProgramHandler, { key, body: panel });
      const stranger = await createApiKeyFor(db, other.id, ["programs:write"]);

      const read = await callApi(db, getProgramOperation, getProgramHandler, { key: stranger, params: { programId: body.id } });
      expect(read.status).toBe(404);
      expect(read.body.code).toBe("notFound");
      expect((await callApi(db, updateProgramOperation, updateProgramHandler, { key: stranger, params: { programId: body.id }, body: { name: "Taken over" } })).status).toBe(404);
      expect((await callApi(db, listProgramsOperation, listProgramsHandler, { key: stranger })).body.data).toEqual([]);

      const wrongScope = await createApiKeyFor(db, org.id, ["instruments:read"]);
      const forbidden = await callApi(db, listProgramsOperation, listProgramsHandler, { key: wrongScope });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.code).toBe("apiKeyScopeMissing");
      expect((await callApi(db, getProgramOperation, getProgramHandler, { key: wrongScope, params: { programId: body.id } })).status).toBe(403);
    });
  });
});
