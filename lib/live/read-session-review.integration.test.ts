import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { livePosts } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { addLivePoll, answerLive, createLiveParticipant, createLiveSession, endLiveSession } from "@/tests/live-factories";
import { appendLiveEvent } from "./append-event";
import { readSessionReview } from "./read-session-review";

/** Ten participants: five answer in English, four in Polish, one in Russian; two write open answers; three posts. */
async function endedSession(db: Db) {
  const { org, panel, researcher, session } = await createLiveSession(db, "Autumn range");
  const single = await addLivePoll(db, session, 1, { kind: "single", prompt: "Which colour?", choices: ["Green", "Grey"] });
  const text = await addLivePoll(db, session, 2, { kind: "text", prompt: "Why?" });
  const locales = ["en", "en", "en", "en", "en", "pl", "pl", "pl", "pl", "ru"] as const;
  const people = [];
  for (const [index, locale] of locales.entries()) {
    const person = await createLiveParticipant(db, org.id, panel.id, locale, { region: index < 3 ? "north" : "south" }, `Participant ${index + 1}`);
    people.push(person);
    await answerLive(db, person, session, single.id, index % 2 === 0 ? "c1" : "c2");
  }
  await answerLive(db, people[0], session, text.id, "Green suits the forest walks");
  await answerLive(db, people[5], session, text.id, "Szary pasuje do wszystkiego");
  const [hidden, highlighted] = await db
    .insert(livePosts)
    .values([
      { sessionId: session.id, userId: people[1].userId, body: "Buy my stuff at example.com", status: "hidden", createdAt: new Date("2026-10-01T09:20:00Z") },
      { sessionId: session.id, userId: people[2].userId, body: "Love the new jackets", highlighted: true, createdAt: new Date("2026-10-01T09:21:00Z") },
      { sessionId: session.id, userId: people[3].userId, body: "Sizes run small", createdAt: new Date("2026-10-01T09:22:00Z") },
    ])
    .returning({ id: livePosts.id });
  await appendLiveEvent(db, { sessionId: session.id, kind: "poll.opened", payload: { pollId: single.id, position: 1, kind: "single", definition: single.definition }, actorUserId: researcher.userId });
  await appendLiveEvent(db, { sessionId: session.id, kind: "post.created", payload: { postId: highlighted.id, body: "Love the new jackets", createdAt: new Date().toISOString() }, actorUserId: people[2].userId });
  await appendLiveEvent(db, { sessionId: session.id, kind: "post.hidden", payload: { postId: hidden.id }, actorUserId: researcher.userId });
  await endLiveSession(db, session, researcher.userId);
  return { org, panel, researcher, session, people };
}

describe("reviewing a live session", () => {
  const database = useTestDatabase();

  it("shows moderators every result, split, open answer, post with its author and the whole timeline", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, session } = await endedSession(db);
      const review = await readSessionReview(db, researcher.actor, { id: org.id }, session.id, "en");

      expect(review.audience).toBe("moderator");
      expect(review.canExport).toBe(true);
      expect(review.session).toMatchObject({ title: "Autumn range", status: "ended", panel: { name: "Customer panel" }, invited: 10, answered: 10, startedAt: "2026-10-01T09:01:00.000Z", endedAt: "2026-10-01T10:00:00.000Z" });
      expect(review.polls.map((poll) => [poll.ordinal, poll.kind, poll.prompt])).toEqual([[1, "single", "Which colour?"], [2, "text", "Why?"]]);
      const [single, text] = review.polls;
      expect(single.options).toEqual([{ key: "c1", label: "Green" }, { key: "c2", label: "Grey" }]);
      expect(single.results).toMatchObject({ respondents: 10, counts: { c1: 5, c2: 5 } });
      expect(single.results!.splits.language).toEqual([
        { value: "en", suppressed: false, respondents: 5, counts: { c1: 3, c2: 2 }, mean: null },
        { value: "pl", suppressed: false, respondents: 4, counts: { c1: 2, c2: 2 }, mean: null },
        { value: "ru", suppressed: false, respondents: 1, counts: { c2: 1 }, mean: null },
      ]);
      expect(text.texts).toEqual(["Green suits the forest walks", "Szary pasuje do wszystkiego"]);
      expect(review.posts.map((post) => [post.body, post.hidden, post.highlighted, post.author])).toEqual([
        ["Buy my stuff at example.com", true, false, "Participant 2"],
        ["Love the new jackets", false, true, "Participant 3"],
        ["Sizes run small", false, false, "Participant 4"],
      ]);
      expect(review.timeline.map((event) => [event.kind, event.actor, event.pollOrdinal])).toEqual([
        ["session.started", "Test Person", null],
        ["poll.opened", "Test Person", 1],
        ["post.created", "Participant 3", null],
        ["post.hidden", "Test Person", null],
        ["session.ended", "Test Person", null],
      ]);
      expect(review.timeline.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  it("withholds from observers small groups, small polls, few open answers, hidden posts and participants' names", async () => {
    await database.inRollback(async (db) => {
      const { org, session } = await endedSession(db);
      const leader = await createMember(db, org.id, "leader");
      const review = await readSessionReview(db, leader.actor, { id: org.id }, session.id, "en");

      expect(review.audience).toBe("observer");
      expect(review.canExport).toBe(false);
      const [single, text] = review.polls;
      expect(single.results).toMatchObject({ respondents: 10, counts: { c1: 5, c2: 5 } });
      // English (5) is shown; Polish (4) and Russian (1) are withheld.
      expect(single.results!.splits.language).toEqual([
        { value: "en", suppressed: false, respondents: 5, counts: { c1: 3, c2: 2 }, mean: null },
        { value: "pl", suppressed: true, reason: "too_few_responses" },
        { value: "ru", suppressed: true, reason: "too_few_responses" },
      ]);
      // Region north (3) is too small, and south (7) would give it away by subtraction.
      expect(single.results!.splits.region.every((group) => group.suppressed)).toBe(true);
      expect(text.results).toBeNull();
      expect(text.texts).toBeNull();
      expect(text.textsWithheld).toBe(true);
      expect(review.posts.map((post) => [post.body, post.author])).toEqual([["Love the new jackets", null], ["Sizes run small", null]]);
      expect(review.timeline.map((event) => [event.kind, event.actor])).toEqual([
        ["session.started", "Test Person"],
        ["poll.opened", "Test Person"],
        ["post.created", null],
        ["session.ended", "Test Person"],
      ]);
    });
  });

  it("is not found for the session's participants, other organizations and unknown ids", async () => {
    await database.inRollback(async (db) => {
      const { org, session, people } = await endedSession(db);
      const outsider = await createMember(db, (await createOrganization(db)).id, "researcher");
      await expect(readSessionReview(db, people[0].actor, { id: org.id }, session.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(readSessionReview(db, outsider.actor, { id: org.id }, session.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      const otherResearcher = await createMember(db, org.id, "researcher");
      await expect(readSessionReview(db, otherResearcher.actor, { id: org.id }, "not-a-uuid", "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      const { org: otherOrg, researcher: theirs } = await createLiveSession(db);
      await expect(readSessionReview(db, theirs.actor, { id: otherOrg.id }, session.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("has empty lists for a session without polls or posts", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, session } = await createLiveSession(db);
      const review = await readSessionReview(db, researcher.actor, { id: org.id }, session.id, "pl");
      expect(review).toMatchObject({ polls: [], posts: [], session: { invited: 0, answered: 0, status: "live", instrumentId: null } });
      expect(review.timeline).toHaveLength(1);
    });
  });
});
