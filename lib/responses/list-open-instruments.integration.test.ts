import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createInstrument } from "@/lib/instruments/create-instrument";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { listOpenInstruments } from "./list-open-instruments";
import { saveResponse } from "./save-response";

describe("listOpenInstruments", () => {
  const database = useTestDatabase();

  it("lists open, published instruments for the actor's role with their own progress", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const open = await createOpenInstrument(db, org.id);
      const done = await createOpenInstrument(db, org.id);
      await createOpenInstrument(db, org.id, { isOpen: false });
      await createOpenInstrument(db, org.id, { audience: ["frontline"] });
      await createInstrument(db, open.researcher.actor, org.id, { name: "Never published", defaultLocale: "en" });
      const customer = await createMember(db, org.id, "participant");
      const other = await createMember(db, org.id, "participant");
      await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: open.instrumentId, locale: "en", answers: { nps: 7 } }, { complete: false });
      await saveResponse(db, customer.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: done.instrumentId, locale: "en", answers: { nps: 9, emp: 4 } }, { complete: true });

      const listed = await listOpenInstruments(db, customer.actor, { slug: org.slug });
      // Rows created in one transaction share a timestamp, so compare without relying on order.
      expect(Object.fromEntries(listed.map((item) => [item.id, item.status]))).toEqual({ [open.instrumentId]: "in_progress", [done.instrumentId]: "completed" });
      expect(listed[0]).toMatchObject({ title: { en: "Visit check-in", pl: "Visit check-in (pl)" }, defaultLocale: "en" });
      // Someone else's progress is not theirs.
      expect((await listOpenInstruments(db, other.actor, { id: org.id })).map((item) => item.status)).toEqual(["not_started", "not_started"]);
    });
  });

  it("offers frontline staff only what is open to them, and nothing of another organization", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const elsewhere = await createOrganization(db);
      await createOpenInstrument(db, org.id);
      const forStaff = await createOpenInstrument(db, org.id, { audience: ["frontline", "participant"] });
      await createOpenInstrument(db, elsewhere.id, { audience: ["frontline"] });
      const staff = await createMember(db, org.id, "frontline");
      expect((await listOpenInstruments(db, staff.actor, { id: org.id })).map((item) => item.id)).toEqual([forStaff.instrumentId]);
    });
  });

  it("is refused to roles that do not answer and to non-members", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const outsider = await createMember(db, (await createOrganization(db)).id, "participant");
      await expect(listOpenInstruments(db, researcher.actor, { id: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listOpenInstruments(db, outsider.actor, { id: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listOpenInstruments(db, null, { id: org.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    });
  });
});
