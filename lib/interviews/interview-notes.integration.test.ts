import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, codingItems, highlights, interviewNotes } from "@/db/schema";
import { erasePerson } from "@/lib/privacy/erase-person";
import { createCodingCorpus } from "@/tests/coding-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { addHighlight } from "@/tests/theme-factories";
import { addInterviewNote, deleteInterviewNote, getInterviewNote, listInterviewNotes } from "./manage-interview-notes";

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../tests/fixtures", name))) });
const NOTE = { title: "Saturday shopper", participantLabel: "P-07", interviewedOn: "2026-11-14", body: "" };

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; fieldErrors?: Record<string, string>; name?: string };
  }
  throw new Error("expected a rejection");
}

describe("interview notes", () => {
  const database = useTestDatabase();

  it("saves a pasted note with its coding item, read at once, and lists it", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher } = await createCodingCorpus(db);
      const note = await addInterviewNote(db, researcher.actor, org.id, { ...NOTE, body: "The queue at the checkout was painfully slow.", attributes: "region=north\nage=30-39" });
      const [item] = await db.select().from(codingItems).where(eq(codingItems.interviewNoteId, note.id));
      expect(item).toMatchObject({ id: note.itemId, source: "interview", attributes: { region: "north", age: "30-39" } });
      expect(item.saidAt.toISOString()).toBe("2026-11-14T00:00:00.000Z");
      expect(item.analyzedAt).not.toBeNull();
      const list = await listInterviewNotes(db, researcher.actor, org.id);
      expect(list).toEqual([expect.objectContaining({ id: note.id, title: "Saturday shopper", participantLabel: "P-07", interviewedOn: "2026-11-14", programName: null, sourceFormat: "pasted", length: 45, isLinked: false })]);
      expect((await getInterviewNote(db, researcher.actor, org.id, note.id)).body).toBe("The queue at the checkout was painfully slow.");
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "interview_note.added"));
      expect(audit).toMatchObject({ organizationId: org.id, targetId: note.id, details: { format: "pasted", linkedToMember: false } });
    });
  });

  it("reads an uploaded .vtt or .docx instead of the pasted text, and saves nothing on a bad file or empty body", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher } = await createCodingCorpus(db);
      const vtt = await addInterviewNote(db, researcher.actor, org.id, NOTE, fixture("interview-transcript.vtt"));
      expect((await getInterviewNote(db, researcher.actor, org.id, vtt.id)).body).toMatch(/^Interviewer: How was your last visit\?\nAnna: The queue/);
      const docx = await addInterviewNote(db, researcher.actor, org.id, { ...NOTE, title: "Docx" }, fixture("interview-note.docx"));
      expect(await getInterviewNote(db, researcher.actor, org.id, docx.id)).toMatchObject({ sourceFormat: "docx", body: expect.stringContaining("fitting rooms") });
      const before = await db.select({ id: interviewNotes.id }).from(interviewNotes);
      expect((await rejection(addInterviewNote(db, researcher.actor, org.id, NOTE, { name: "fake.docx", bytes: new TextEncoder().encode("plain") }))).fieldErrors).toEqual({ file: "interviewDocxInvalid" });
      expect((await rejection(addInterviewNote(db, researcher.actor, org.id, NOTE))).fieldErrors).toEqual({ body: "interviewBodyEmpty" });
      expect((await rejection(addInterviewNote(db, researcher.actor, org.id, { ...NOTE, body: "x", participantEmail: "nobody@example.test" }))).fieldErrors).toEqual({ participantEmail: "interviewParticipantNotFound" });
      expect((await rejection(addInterviewNote(db, researcher.actor, org.id, { ...NOTE, body: "x", attributes: "nonsense" }))).name).toBe("ZodError");
      expect(await db.select({ id: interviewNotes.id }).from(interviewNotes)).toEqual(before);
    });
  });

  it("ties a note to the picked participant, starting from their attributes; their erasure takes it with its item and highlights", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, participants } = await createCodingCorpus(db);
      const admin = await createMember(db, org.id, "admin");
      const person = participants[2];
      const note = await addInterviewNote(db, researcher.actor, org.id, { ...NOTE, body: "Long wait again.", participantEmail: person.email.toUpperCase(), attributes: "age=40-49" });
      const [item] = await db.select().from(codingItems).where(eq(codingItems.id, note.itemId));
      expect(item).toMatchObject({ attributes: { region: "south", age: "40-49" } });
      expect((await db.select({ userId: interviewNotes.participantUserId }).from(interviewNotes).where(eq(interviewNotes.id, note.id)))[0].userId).toBe(person.userId);
      await addHighlight(db, org.id, note.itemId, researcher.userId, [], { start: 0, end: 4 });
      await erasePerson(db, admin.actor, org.id, { email: person.email, confirmation: person.email });
      expect(await db.select().from(interviewNotes).where(eq(interviewNotes.id, note.id))).toEqual([]);
      expect(await db.select().from(codingItems).where(eq(codingItems.id, note.itemId))).toEqual([]);
      expect(await db.select().from(highlights).where(eq(highlights.itemId, note.itemId))).toEqual([]);
    });
  });

  it("deletes a note with its item and highlights, audited; another organization's notes are not found", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, leader, participants } = await createCodingCorpus(db);
      const elsewhere = await createOrganization(db);
      const outsider = await createMember(db, elsewhere.id, "researcher");
      const note = await addInterviewNote(db, researcher.actor, org.id, { ...NOTE, body: "Some words here." });
      await addHighlight(db, org.id, note.itemId, researcher.userId, [], { start: 0, end: 4 });
      expect((await rejection(getInterviewNote(db, outsider.actor, elsewhere.id, note.id))).code).toBe("NOT_FOUND");
      expect((await rejection(deleteInterviewNote(db, outsider.actor, elsewhere.id, note.id))).code).toBe("NOT_FOUND");
      expect(await listInterviewNotes(db, outsider.actor, elsewhere.id)).toEqual([]);
      // Another organization's participant cannot be picked.
      expect((await rejection(addInterviewNote(db, outsider.actor, elsewhere.id, { ...NOTE, body: "x", participantEmail: participants[0].email }))).fieldErrors).toEqual({ participantEmail: "interviewParticipantNotFound" });
      expect((await rejection(listInterviewNotes(db, leader.actor, org.id))).code).toBe("FORBIDDEN");
      await deleteInterviewNote(db, researcher.actor, org.id, note.id);
      expect(await db.select().from(codingItems).where(eq(codingItems.id, note.itemId))).toEqual([]);
      expect(await db.select().from(highlights).where(eq(highlights.itemId, note.itemId))).toEqual([]);
      expect(await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, note.id))).toEqual([{ action: "interview_note.added" }, { action: "interview_note.deleted" }]);
    });
  });
});
