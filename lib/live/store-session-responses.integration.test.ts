import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instrumentVersions, instruments, jobs, liveAnswers, liveSessions, responseAnswers, responses } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/handlers";
import { enqueueJob, runDueJobs } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/tests/db";
import { addLivePoll, answerLive, createLiveParticipant, createLiveSession, endLiveSession } from "@/tests/live-factories";
import { LIVE_JOB } from "./jobs";
import { storeSessionResponses } from "./store-session-responses";

const NOW = new Date("2026-10-01T10:05:00Z");

describe("storing an ended live session as responses", () => {
  const database = useTestDatabase();

  it("publishes the session's polls as one closed instrument and writes one completed response per participant, with typed rows", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, session } = await createLiveSession(db);
      const single = await addLivePoll(db, session, 1, { kind: "single", prompt: "Which hours suit you?", translations: { pl: "Które godziny ci pasują?" }, choices: ["Mornings", "Evenings"] });
      const concept = await addLivePoll(db, session, 2, { kind: "stimulus", prompt: "Would you try it?", choices: ["Yes", "No"], stimulusCopy: "A repair café in every store" });
      const scale = await addLivePoll(db, session, 3, { kind: "scale", prompt: "How likely are you to recommend us?", minLabel: "Not at all", maxLabel: "Very" });
      const text = await addLivePoll(db, session, 4, { kind: "text", prompt: "What would you change?" });
      const multiple = await addLivePoll(db, session, 5, { kind: "multiple", prompt: "Which do you use?", choices: ["App", "Store", "Phone"] });
      const ana = await createLiveParticipant(db, org.id, panel.id, "pl", { region: "north", custom: { channel: "store" } });
      const boris = await createLiveParticipant(db, org.id, panel.id, "ru", { region: "south" });
      await createLiveParticipant(db, org.id, panel.id, "en"); // invited, never answered
      await answerLive(db, ana, session, single.id, "c2");
      await answerLive(db, ana, session, concept.id, "c1");
      await answerLive(db, ana, session, scale.id, 9);
      await answerLive(db, ana, session, text.id, "Longer opening hours");
      await answerLive(db, ana, session, multiple.id, { choiceIds: ["c1", "c3"] });
      await answerLive(db, boris, session, single.id, "c1");
      await db.update(liveAnswers).set({ answeredAt: sql`'2026-10-01T09:10:00Z'::timestamptz` }).where(eq(liveAnswers.sessionId, session.id));
      await db.update(liveAnswers).set({ answeredAt: sql`'2026-10-01T09:40:00Z'::timestamptz` }).where(eq(liveAnswers.pollId, multiple.id));
      await endLiveSession(db, session, researcher.userId);

      const stored = await storeSessionResponses(db, session.id, NOW);
      expect(stored).toMatchObject({ responses: 2 });

      const [instrument] = await db.select().from(instruments).where(eq(instruments.id, stored!.instrumentId));
      expect(instrument).toMatchObject({ organizationId: org.id, programId: panel.id, name: "Store of the future", isOpen: false, latestVersion: 1, audience: ["participant"] });
      const [version] = await db.select().from(instrumentVersions).where(eq(instrumentVersions.instrumentId, instrument.id));
      expect(version.definition.questions.map((question) => question.id)).toEqual(["p1", "p2_concept", "p2", "p3", "p4", "p5"]);
      expect(version.definition.questions[0]).toMatchObject({ type: "single", prompt: { en: "Which hours suit you?", pl: "Które godziny ci pasują?" }, choices: [{ id: "c1", label: { en: "Mornings" } }, { id: "c2", label: { en: "Evenings" } }] });
      expect(version.definition.questions[1]).toMatchObject({ type: "stimulus", copy: { en: "A repair café in every store" } });
      expect(version.definition.questions[3]).toMatchObject({ type: "scale", minLabel: { en: "Not at all" }, maxLabel: { en: "Very" } });
      expect(version.publishedByUserId).toBe(researcher.userId);
      expect((await db.select({ instrumentId: liveSessions.instrumentId }).from(liveSessions).where(eq(liveSessions.id, session.id)))[0].instrumentId).toBe(instrument.id);

      const rows = await db.select().from(responses).where(eq(responses.instrumentId, instrument.id));
      const anaResponse = rows.find((row) => row.respondentUserId === ana.userId)!;
      expect(anaResponse).toMatchObject({ status: "completed", locale: "pl", instrumentVersionId: version.id, answers: { p1: "c2", p2: "c1", p3: 9, p4: "Longer opening hours", p5: { choiceIds: ["c1", "c3"] } } });
      expect(anaResponse.attributes).toEqual({ region: "north", channel: "store", language: "pl" });
      expect(anaResponse.submittedAt?.toISOString()).toBe("2026-10-01T09:40:00.000Z");
      expect(rows.find((row) => row.respondentUserId === boris.userId)).toMatchObject({ locale: "ru", answers: { p1: "c1" }, attributes: { region: "south", language: "ru" } });

      const typed = await db
        .select({ questionId: responseAnswers.questionId, subKey: responseAnswers.subKey, choiceId: responseAnswers.choiceId, numericValue: responseAnswers.numericValue, textValue: responseAnswers.textValue })
        .from(responseAnswers)
        .where(eq(responseAnswers.responseId, anaResponse.id))
        .orderBy(asc(responseAnswers.questionId), asc(responseAnswers.subKey));
      expect(typed).toEqual([
        { questionId: "p1", subKey: null, choiceId: "c2", numericValue: null, textValue: null },
        { questionId: "p2", subKey: null, choiceId: "c1", numericValue: null, textValue: null },
        { questionId: "p3", subKey: null, choiceId: null, numericValue: 9, textValue: null },
        { questionId: "p4", subKey: null, choiceId: null, numericValue: null, textValue: "Longer opening hours" },
        { questionId: "p5", subKey: "c1", choiceId: "c1", numericValue: null, textValue: null },
        { questionId: "p5", subKey: "c3", choiceId: "c3", numericValue: null, textValue: null },
      ]);
    });
  });

  it("runs as a queued job, and a second or duplicated run changes nothing", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, session } = await createLiveSession(db);
      const poll = await addLivePoll(db, session, 1, { kind: "scale", prompt: "How was today?" });
      await answerLive(db, await createLiveParticipant(db, org.id, panel.id, "en"), session, poll.id, 7);
      await endLiveSession(db, session, researcher.userId);
      const job = { kind: LIVE_JOB.store, runAt: NOW, payload: { sessionId: session.id }, organizationId: org.id };
      await enqueueJob(db, job);
      await enqueueJob(db, job);

      const countAll = async () => ({
        instruments: (await db.select({ id: instruments.id }).from(instruments).where(eq(instruments.organizationId, org.id))).length,
        responses: (await db.select({ id: responses.id }).from(responses).where(eq(responses.organizationId, org.id))).length,
        rows: (await db.select({ id: responseAnswers.id }).from(responseAnswers).where(eq(responseAnswers.organizationId, org.id))).length,
      });
      expect(await runDueJobs(db, jobHandlers, NOW)).toEqual({ succeeded: 2, failed: 0 });
      expect(await countAll()).toEqual({ instruments: 1, responses: 1, rows: 1 });
      expect(await storeSessionResponses(db, session.id, NOW)).toBeNull();
      expect(await countAll()).toEqual({ instruments: 1, responses: 1, rows: 1 });
      expect((await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.organizationId, org.id))).every((row) => row.status === "done")).toBe(true);
    });
  });

  it("gives a session nobody answered its instrument and no responses; a session still live is left alone", async () => {
    await database.inRollback(async (db) => {
      const { researcher, session } = await createLiveSession(db);
      await addLivePoll(db, session, 1, { kind: "text", prompt: "Anything else?" });
      expect(await storeSessionResponses(db, session.id, NOW)).toBeNull();
      await endLiveSession(db, session, researcher.userId);
      const stored = await storeSessionResponses(db, session.id, NOW);
      expect(stored).toMatchObject({ responses: 0 });
      expect(await db.select({ id: instrumentVersions.id }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, stored!.instrumentId))).toHaveLength(1);
      expect(await db.select({ id: responses.id }).from(responses).where(eq(responses.instrumentId, stored!.instrumentId))).toEqual([]);
    });
  });
});
