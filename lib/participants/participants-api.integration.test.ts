import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, users } from "@/db/schema";
import * as operations from "@/lib/api/operations/participants";
import { createApiKeyFor, callApi } from "@/tests/api-factories";
import { useTestDatabase } from "@/tests/db";
import { councilWithPerson, tablesHolding } from "@/tests/erasure-factories";
import { createMember, createOrganization } from "@/tests/factories";
import { addParticipant } from "./add-participant";
import { eraseParticipant } from "./erase-participant";
import { getParticipant, listParticipants } from "./list-participants";
import { updateParticipant } from "./update-participant";

// The routes' handlers, as app/api/v1/participants writes them.
const list: Parameters<typeof callApi<typeof operations.listParticipants>>[2] = ({ db, actor, org, query }) => listParticipants(db, actor, org, query);
const create: Parameters<typeof callApi<typeof operations.createParticipant>>[2] = ({ db, actor, org, body }) => addParticipant(db, actor, org, body);
const read: Parameters<typeof callApi<typeof operations.getParticipant>>[2] = ({ db, actor, org, params }) => getParticipant(db, actor, org, params.participantId);
const update: Parameters<typeof callApi<typeof operations.updateParticipant>>[2] = ({ db, actor, org, params, body }) => updateParticipant(db, actor, org, params.participantId, body);
const erase: Parameters<typeof callApi<typeof operations.eraseParticipant>>[2] = ({ db, actor, org, params, body }) => eraseParticipant(db, actor, org, params.participantId, body);

describe("participants through the public API", () => {
  const database = useTestDatabase();

  it("adds, reads, pages, searches and changes participants, with staff read-only and duplicates refused", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["participants:write"]);
      const created = await callApi(db, operations.createParticipant, create, { key: key, body: { email: " Ada@Example.test ", name: "Ada", locale: "pl", attributes: { region: "north", loyalty: "gold" } } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: "ada@example.test", name: "Ada", locale: "pl", role: "participant", attributes: { region: "north", loyalty: "gold" }, isActive: true, programs: [] });
      const id = created.body.id as string;
      expect((await callApi(db, operations.getParticipant, read, { key: key, params: { participantId: id } })).body).toEqual(created.body);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "member.joined")));
      expect(entry.actorApiKeyId).not.toBeNull();

      // The same address in another case is the same person: a conflict, nothing added.
      const again = await callApi(db, operations.createParticipant, create, { key: key, body: { email: "ADA@example.test" } });
      expect(again.status).toBe(409);
      expect(again.body.errors).toEqual([{ pointer: "/body/email", code: "alreadyMember", detail: expect.any(String) }]);

      for (const name of ["bea", "cyd", "dot"]) await callApi(db, operations.createParticipant, create, { key: key, body: { email: `${name}@example.test`, attributes: { region: name === "cyd" ? "north" : "south" } } });
      const staff = await createMember(db, org.id, "frontline", { email: "eve@example.test" });
      await createMember(db, org.id, "researcher", { email: "ann@example.test" });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await callApi(db, operations.listParticipants, list, { key: key, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
        expect(page.status).toBe(200);
        expect(page.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.data.map((participant: { email: string }) => participant.email));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      // Researchers are no participants; staff are listed as such.
      expect(seen).toEqual(["ada@example.test", "bea@example.test", "cyd@example.test", "dot@example.test", "eve@example.test"]);
      const north = await callApi(db, operations.listParticipants, list, { key: key, query: { attribute: "region=north" } });
      expect(north.body.data.map((participant: { email: string }) => participant.email)).toEqual(["ada@example.test", "cyd@example.test"]);
      const search = await callApi(db, operations.listParticipants, list, { key: key, query: { email: "EVE", role: "frontline" } });
      expect(search.body.data).toEqual([expect.objectContaining({ id: staff.userId, role: "frontline" })]);
      expect((await callApi(db, operations.listParticipants, list, { key: key, query: { cursor: "forged" } })).body.errors[0]).toMatchObject({ pointer: "/query/cursor", code: "cursorInvalid" });

      const changed = await callApi(db, operations.updateParticipant, update, { key: key, params: { participantId: id }, body: { name: null, locale: "ru", attributes: { loyalty: null, language: "pl" } } });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: null, locale: "ru", attributes: { region: "north", language: "pl" } });
      expect(changed.body.attributes).not.toHaveProperty("loyalty");
      // The change is audited under the key, naming the fields but never their values.
      const [updated] = await db.select().from(auditLog).where(eq(auditLog.action, "participant.updated"));
      expect(updated).toMatchObject({ targetId: id, actorApiKeyId: expect.any(String), details: { changed: "name locale attributes.loyalty attributes.language" } });
      expect((await callApi(db, operations.updateParticipant, update, { key: key, params: { participantId: staff.userId }, body: { attributes: { team: "Sales" } } })).status).toBe(409);
    });
  });

  it("refuses invalid input with a pointer per field and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await createApiKeyFor(db, org.id, ["participants:write"]);
      const bad = await callApi(db, operations.createParticipant, create, { key: key, body: { email: "not-an-address", locale: "de", attributes: { "bad key": "x" } } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code])).toEqual(
        expect.arrayContaining([["/body/locale", "localeInvalid"], ["/body/attributes/bad key", "participantAttributeKeyInvalid"]]),
      );
      const email = await callApi(db, operations.createParticipant, create, { key: key, body: { email: "not-an-address" } });
      expect(email.body.errors).toEqual([expect.objectContaining({ pointer: "/body/email", code: "emailInvalid" })]);
      // A profile attribute keeps to the join form's choices.
      const choice = await callApi(db, operations.createParticipant, create, { key: key, body: { email: "zed@example.test", attributes: { region: "mars" } } });
      expect(choice.status).toBe(422);
      expect(choice.body.errors).toEqual([expect.objectContaining({ pointer: "/body/attributes/region", code: "choiceRequired" })]);
      expect(await db.select({ id: users.id }).from(users).where(sql`${users.email} in ('not-an-address', 'zed@example.test')`)).toEqual([]);
      expect(await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.organizationId, org.id))).toEqual([]);
    });
  });

  it("answers 404 to another organization's key and 403 to a key without the scope", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const person = await createMember(db, org.id, "participant");
      const admin = await createMember(db, org.id, "admin");
      const other = await createOrganization(db);
      const otherKey = await createApiKeyFor(db, other.id, ["participants:write"]);
      const params = { participantId: person.userId };
      expect((await callApi(db, operations.getParticipant, read, { key: otherKey, params })).status).toBe(404);
      expect((await callApi(db, operations.updateParticipant, update, { key: otherKey, params, body: { locale: "pl" } })).status).toBe(404);
      expect((await callApi(db, operations.eraseParticipant, erase, { key: otherKey, params, body: { confirmation: person.email } })).status).toBe(404);
      expect((await callApi(db, operations.listParticipants, list, { key: otherKey })).body.data).toEqual([]);
      const ownKey = await createApiKeyFor(db, org.id, ["participants:write"]);
      // An admin is no participant, here as on the list.
      expect((await callApi(db, operations.getParticipant, read, { key: ownKey, params: { participantId: admin.userId } })).status).toBe(404);

      const reader = await createApiKeyFor(db, org.id, ["participants:read"]);
      expect((await callApi(db, operations.getParticipant, read, { key: reader, params })).status).toBe(200);
      expect((await callApi(db, operations.createParticipant, create, { key: reader, body: { email: "new@example.test" } })).status).toBe(403);
      expect((await callApi(db, operations.eraseParticipant, erase, { key: reader, params, body: { confirmation: person.email } })).status).toBe(403);
      const kpisOnly = await createApiKeyFor(db, org.id, ["kpis:read"]);
      const forbidden = await callApi(db, operations.listParticipants, list, { key: kpisOnly });
      expect(forbidden).toMatchObject({ status: 403, body: { code: "apiKeyScopeMissing" } });
    });
  });

  it("erases a person as the privacy page does, once their email is restated, and answers the receipt", async () => {
    await database.inRollback(async (db) => {
      const { org, person, texts } = await councilWithPerson(db);
      const key = await createApiKeyFor(db, org.id, ["participants:write"]);
      const params = { participantId: person.userId };
      const before = await callApi(db, operations.getParticipant, read, { key: key, params });
      expect(before.body.programs).toEqual([expect.objectContaining({ kind: "council", status: "active" })]);

      const mismatch = await callApi(db, operations.eraseParticipant, erase, { key: key, params, body: { confirmation: "someone@else.test" } });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.errors).toEqual([expect.objectContaining({ pointer: "/body/confirmation", code: "privacyConfirmMismatch" })]);
      const needles = [person.email, person.userId, person.membershipId, texts.comment, texts.post];
      expect(await tablesHolding(db, needles)).toEqual(expect.arrayContaining(["users", "memberships", "responses"]));

      const erased = await callApi(db, operations.eraseParticipant, erase, { key: key, params, body: { confirmation: person.email.toUpperCase(), reference: "REQ-7" } });
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({ policy: "keep_anonymous", responses: 1, posts: 1, isAccountDeleted: true });
      expect(await tablesHolding(db, needles)).toEqual([]);
      expect((await callApi(db, operations.getParticipant, read, { key: key, params })).status).toBe(404);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "person.erased")));
      expect(entry).toMatchObject({ targetId: erased.body.receiptId, details: expect.objectContaining({ reference: "REQ-7", byRequest: true }) });
      expect(entry.actorApiKeyId).not.toBeNull();
    });
  });
});
