import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { codingItems, interviewNotes, responseAnswers, users } from "@/db/schema";
import { anonymizeResponses } from "@/lib/privacy/purge-identifiable-data";
import { useTestDatabase } from "@/tests/db";
import { createCodingCorpus } from "@/tests/coding-factories";
import { createFrontlineCycle, createFrontlineProgram, createStaff, answerPulse, pulseAnswers } from "@/tests/frontline-factories";
import { syncCodingItems } from "./sync-coding-items";

describe("syncCodingItems", () => {
  const database = useTestDatabase();

  it("brings each completed open answer and field report into the inbox once, read in its language", async () => {
    await database.inRollback(async (db) => {
      const { org, items, participants } = await createCodingCorpus(db);
      expect(items.filter((item) => item.source === "answer")).toHaveLength(participants.length);
      expect(items.filter((item) => item.source === "field_report")).toHaveLength(1);
      const inLanguage = (language: string) => items.filter((item) => item.language === language).length;
      expect([inLanguage("en"), inLanguage("pl"), inLanguage("ru")]).toEqual([3, 2, 2]);
      expect(items.every((item) => item.analyzedAt !== null)).toBe(true);
      expect(items.filter((item) => item.sentiment !== null).every((item) => item.sentimentStatus === "open")).toBe(true);
      expect(items.find((item) => item.source === "field_report")?.attributes).toEqual({ team: "floor", location: "Gdańsk" });
      expect(items.find((item) => item.speakerUserId === participants[2].userId)?.attributes).toMatchObject({ region: "south" });

      const again = await syncCodingItems(db, org.id);
      expect(again).toEqual({ added: 0, analyzed: 0, pending: 0 });
    });
  });

  it("takes bounded batches and reports what is still pending", async () => {
    await database.inRollback(async (db) => {
      const { org } = await createCodingCorpus(db);
      await db.delete(codingItems).where(eq(codingItems.organizationId, org.id));
      const first = await syncCodingItems(db, org.id, { batch: 2, analysisBatch: 3 });
      expect(first.added).toBe(2 + 1);
      expect(first.pending).toBe(4 + 0);
      const second = await syncCodingItems(db, org.id, { batch: 10, analysisBatch: 10 });
      expect(second).toMatchObject({ added: 4, pending: 0 });
    });
  });

  it("never lists a frontline pulse's answers, and an anonymized response leaves the inbox", async () => {
    await database.inRollback(async (db) => {
      const { org, items } = await createCodingCorpus(db);
      const program = await createFrontlineProgram(db, org.id);
      const cycle = await createFrontlineCycle(db, org.id, program.id, 0);
      const staff = await createStaff(db, org.id, { team: "floor" });
      await answerPulse(db, org.id, cycle, staff, pulseAnswers(3, "queues", "A pulse comment that must stay unread"));
      expect((await syncCodingItems(db, org.id)).added).toBe(0);

      const answerItem = items.find((item) => item.source === "answer")!;
      const [{ responseId }] = await db.select({ responseId: responseAnswers.responseId }).from(responseAnswers).where(eq(responseAnswers.id, answerItem.responseAnswerId!));
      await db.transaction((tx) => anonymizeResponses(tx, org.id, [responseId], new Date()));
      expect(await db.select().from(codingItems).where(eq(codingItems.id, answerItem.id))).toEqual([]);
    });
  });

  it("an account deleted takes its items, an interview note's among them", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, participants } = await createCodingCorpus(db);
      const [person] = participants;
      await db.insert(interviewNotes).values({ organizationId: org.id, title: "Visit", participantLabel: "P.", participantUserId: person.userId, interviewedOn: "2027-01-10", body: "We talked about queues at the store.", createdByUserId: researcher.userId });
      await syncCodingItems(db, org.id);
      expect(await db.select().from(codingItems).where(eq(codingItems.speakerUserId, person.userId))).toHaveLength(2);
      await db.delete(users).where(eq(users.id, person.userId));
      expect(await db.select().from(codingItems).where(eq(codingItems.speakerUserId, person.userId))).toEqual([]);
      expect(await db.select().from(interviewNotes).where(eq(interviewNotes.organizationId, org.id))).toEqual([]);
    });
  });
});
