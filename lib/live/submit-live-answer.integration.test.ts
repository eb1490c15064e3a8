import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { liveAnswers, livePollTallies, livePolls, liveSessions } from "@/db/schema";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { pollContentSchema } from "@/lib/polls/schemas";
import { useTestDatabase } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { createPanel, createPanelMember } from "@/tests/poll-factories";
import { submitLiveAnswer } from "./submit-live-answer";

async function liveSessionWithOpenPoll(db: Db) {
  const org = await createOrganization(db);
  const { panel, researcher } = await createPanel(db, org.id);
  const [session] = await db
    .insert(liveSessions)
    .values({ organizationId: org.id, programId: panel.id, title: "Store hours", defaultLocale: "en", scheduledAt: new Date(), status: "live", createdByUserId: researcher.userId })
    .returning();
  const definition = buildPollDefinition(pollContentSchema.parse({ kind: "single", defaultLocale: "en", prompt: "Which hours suit you?", choices: ["Mornings", "Evenings"] }));
  const [poll] = await db.insert(livePolls).values({ sessionId: session.id, organizationId: org.id, position: 1, kind: "single", definition, status: "open" }).returning();
  return { org, panel, researcher, session, poll };
}

describe("live answers", () => {
  const database = useTestDatabase();

  it("stores one answer per person, counts it once overall and under each attribute, and refuses a second", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, session, poll } = await liveSessionWithOpenPoll(db);
      const ana = await createPanelMember(db, org.id, panel.id, { region: "north" });
      const answer = { sessionId: session.id, pollId: poll.id, value: "c1" };

      await expect(submitLiveAnswer(db, ana.actor, { id: org.id }, answer)).resolves.toEqual({ pollId: poll.id, stored: true });
      await expect(submitLiveAnswer(db, ana.actor, { id: org.id }, { ...answer, value: "c2" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveAlreadyAnswered" });

      expect(await db.select({ value: liveAnswers.value }).from(liveAnswers).where(eq(liveAnswers.pollId, poll.id))).toEqual([{ value: "c1" }]);
      const tallies = await db.select({ attribute: livePollTallies.attribute, value: livePollTallies.attributeValue, bucket: livePollTallies.bucket, n: livePollTallies.n }).from(livePollTallies).where(eq(livePollTallies.pollId, poll.id));
      expect(tallies).toHaveLength(6);
      expect(tallies.every((row) => row.n === 1)).toBe(true);
      expect(tallies).toContainEqual({ attribute: "language", value: "en", bucket: "c1", n: 1 });
      expect(tallies).toContainEqual({ attribute: "region", value: "north", bucket: "_all", n: 1 });
    });
  });

  it("refuses answers from outside the panel, to a closed poll, and invalid choices, storing nothing", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, session, poll } = await liveSessionWithOpenPoll(db);
      const member = await createPanelMember(db, org.id, panel.id);
      const outsider = await createPanelMember(db, org.id, (await createPanel(db, org.id)).panel.id);
      const answer = { sessionId: session.id, pollId: poll.id, value: "c1" };

      await expect(submitLiveAnswer(db, outsider.actor, { id: org.id }, answer)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(submitLiveAnswer(db, member.actor, { id: org.id }, { ...answer, value: "c9" })).rejects.toMatchObject({ code: "INVALID", messageKey: "answerUnknownChoice" });
      await db.update(livePolls).set({ status: "closed" }).where(eq(livePolls.id, poll.id));
      await expect(submitLiveAnswer(db, member.actor, { id: org.id }, answer)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "livePollClosed" });
      expect(await db.select().from(liveAnswers).where(eq(liveAnswers.pollId, poll.id))).toEqual([]);
      expect(await db.select().from(livePollTallies).where(eq(livePollTallies.pollId, poll.id))).toEqual([]);
    });
  });
});
