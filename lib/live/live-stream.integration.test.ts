import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database, type Db } from "@/db/connect";
import { liveAnswers, livePollTallies, livePolls, livePosts, liveSessions, organizations } from "@/db/schema";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { pollContentSchema } from "@/lib/polls/schemas";
import { createOrganization } from "@/tests/factories";
import { createPanel, createPanelMember } from "@/tests/poll-factories";
import { appendLiveEvent } from "./append-event";
import { startLiveBus } from "./live-bus";
import { readLivePollResults, readLiveTexts } from "./read-live-results";
import { readLastEventSeq, readLiveEventsAfter, readLiveSnapshot } from "./read-live-snapshot";
import { LiveStreamHub } from "./stream-hub";
import { groupedLiveAnswerStore, readAnswerContexts, submitLiveAnswer, type AnswerContextRequest } from "./submit-live-answer";
import { createGroupedReader } from "@/lib/batching/group-commit";

// These tests commit (notifications are sent at commit only), so each builds its own organization
// and deletes it afterwards.
let database: Database;
const isServer = Boolean(process.env.DATABASE_URL);
const createdOrgs: string[] = [];

beforeAll(async () => {
  database = await connectDatabase(isServer ? { databaseUrl: process.env.DATABASE_URL, maxConnections: 10 } : { dataDir: "memory://" });
});
afterAll(async () => {
  for (const id of createdOrgs) await database.db.delete(organizations).where(eq(organizations.id, id));
  await database?.close();
});

async function liveSession(db: Db, kind: "single" | "text" = "single") {
  const org = await createOrganization(db);
  createdOrgs.push(org.id);
  const { panel, researcher } = await createPanel(db, org.id);
  const [session] = await db
    .insert(liveSessions)
    .values({ organizationId: org.id, programId: panel.id, title: "Store hours", defaultLocale: "en", scheduledAt: new Date(), status: "live", createdByUserId: researcher.userId })
    .returning();
  const content = kind === "single" ? { kind, defaultLocale: "en", prompt: "Which hours suit you?", choices: ["Mornings", "Evenings"] } : { kind, defaultLocale: "en", prompt: "Why?" };
  const definition = buildPollDefinition(pollContentSchema.parse(content));
  const [poll] = await db.insert(livePolls).values({ sessionId: session.id, organizationId: org.id, position: 1, kind, definition, status: "open" }).returning();
  await db.update(liveSessions).set({ currentPollId: poll.id }).where(eq(liveSessions.id, session.id));
  return { org, panel, researcher, session, poll };
}

const appendPost = (db: Db, sessionId: string, n: number) =>
  appendLiveEvent(db, { sessionId, kind: "post.created", payload: { postId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, body: `Post ${n}`, createdAt: new Date().toISOString(), author: { userId: "u", name: "Ana" } } });

async function waitFor(condition: () => boolean, what: string) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

function collectingSink() {
  let text = "";
  return {
    sink: { write: (chunk: string) => ((text += chunk), true), end: () => undefined, buffered: () => 0 },
    eventIds: () => [...text.matchAll(/^id: (\d+)\nevent: event$/gm)].map((match) => Number(match[1])),
    results: () => [...text.matchAll(/^event: results\ndata: (.*)$/gm)].map((match) => JSON.parse(match[1]) as { respondents: number }),
  };
}

describe("live bus and stream", () => {
  it("delivers an event's notification after its transaction commits, and none for a rollback", async () => {
    const { db } = database;
    const { session } = await liveSession(db);
    const received: number[] = [];
    const { stop } = await startLiveBus(database, { onEvent: (sessionId, seq) => sessionId === session.id && received.push(seq), onVote: () => undefined, onRelisten: () => undefined });
    try {
      await db.transaction(async (tx) => {
        await appendPost(tx as unknown as Db, session.id, 1);
      });
      await waitFor(() => received.length === 1, "the first event");
      await db
        .transaction(async (tx) => {
          await appendPost(tx as unknown as Db, session.id, 2);
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      // The rolled-back seq is taken again by the next commit: only one notification may carry it.
      await db.transaction(async (tx) => {
        await appendPost(tx as unknown as Db, session.id, 3);
      });
      await waitFor(() => received.length >= 2, "the second event");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([1, 2]);
    } finally {
      await stop();
    }
  });

  it("resumes a client from seq N with exactly N+1..M, then streams new events from the bus", async () => {
    const { db } = database;
    const { session, researcher } = await liveSession(db);
    for (let n = 1; n <= 5; n++) await appendPost(db, session.id, n);
    const hub = new LiveStreamHub({
      resultsIntervalMs: 50,
      readers: {
        lastSeq: (sessionId) => readLastEventSeq(db, sessionId),
        eventsAfter: (sessionId, afterSeq, limit) => readLiveEventsAfter(db, sessionId, afterSeq, limit),
        pollResults: (pollId) => readLivePollResults(db, pollId),
        sessionResults: async () => [],
        texts: async () => [],
      },
    });
    const { stop } = await startLiveBus(database, { onEvent: (id, seq) => hub.onEvent(id, seq), onVote: (id, pollId) => hub.onVote(id, pollId), onRelisten: () => hub.catchUp() });
    try {
      const client = collectingSink();
      const access = { audience: "moderator" as const, session: { ...session, lastEventSeq: 5, currentPollId: null }, context: { userId: researcher.userId } };
      await hub.connect({ sessionId: session.id, audience: "moderator", lastEventId: 2, sink: client.sink, readSnapshot: () => readLiveSnapshot(db, access) });
      expect(client.eventIds()).toEqual([3, 4, 5]);
      await appendPost(db, session.id, 6);
      await appendPost(db, session.id, 7);
      await waitFor(() => client.eventIds().length === 5, "events 6 and 7");
      expect(client.eventIds()).toEqual([3, 4, 5, 6, 7]);
    } finally {
      hub.closeAll();
      await stop();
    }
  });

  it("gives each audience its own snapshot: hidden posts and authors for moderators, the own answer for a participant", async () => {
    const { db } = database;
    const { org, panel, session, poll, researcher } = await liveSession(db);
    const ana = await createPanelMember(db, org.id, panel.id);
    await submitLiveAnswer(db, ana.actor, { id: org.id }, { sessionId: session.id, pollId: poll.id, value: "c2" });
    await db.insert(livePosts).values([
      { sessionId: session.id, userId: ana.userId, body: "Evenings please", createdAt: new Date("2027-03-01T09:00:00Z") },
      { sessionId: session.id, userId: ana.userId, body: "Off topic", status: "hidden", createdAt: new Date("2027-03-01T09:01:00Z") },
    ]);
    const sessionRow = { ...session, lastEventSeq: 0, currentPollId: poll.id };
    const forParticipant = await readLiveSnapshot(db, { audience: "participant", session: sessionRow, context: { userId: ana.userId } });
    const forModerator = await readLiveSnapshot(db, { audience: "moderator", session: sessionRow, context: { userId: researcher.userId } });

    expect(forParticipant.currentPoll).toMatchObject({ pollId: poll.id, status: "open", myAnswer: "c2" });
    expect(forParticipant.polls).toEqual([]);
    expect(forParticipant.posts).toEqual([{ postId: expect.any(String), body: "Evenings please", createdAt: "2027-03-01T09:00:00.000Z", highlighted: false }]);
    expect(forModerator.currentPoll?.myAnswer).toBeNull();
    expect(forModerator.polls.map((candidate) => candidate.pollId)).toEqual([poll.id]);
    expect(forModerator.posts.map((post) => [post.body, post.hidden, post.author?.userId])).toEqual([
      ["Evenings please", false, ana.userId],
      ["Off topic", true, ana.userId],
    ]);
  });

  it("reads results from the tallies per audience and open texts without identity", async () => {
    const { db } = database;
    const { org, panel, session, poll } = await liveSession(db, "text");
    const members = [];
    for (let i = 0; i < 6; i++) members.push(await createPanelMember(db, org.id, panel.id, { region: i < 5 ? "north" : "south" }));
    for (const [i, member] of members.entries()) await submitLiveAnswer(db, member.actor, { id: org.id }, { sessionId: session.id, pollId: poll.id, value: `Reason ${i}` });

    const results = await readLivePollResults(db, poll.id);
    expect(results).toMatchObject({ isText: true, moderator: { respondents: 6 }, observer: { respondents: 6 } });
    expect(results!.moderator.splits.region.map((group) => group.suppressed)).toEqual([false, false]);
    expect(results!.observer.splits.region.map((group) => group.suppressed)).toEqual([true, true]);
    const latest = await readLiveTexts(db, poll.id, null, 4);
    expect(latest.map((text) => text.text)).toEqual(["Reason 2", "Reason 3", "Reason 4", "Reason 5"]);
    expect(Object.keys(latest[0])).toEqual(["id", "text"]);
    expect((await readLiveTexts(db, poll.id, latest[2].id, 10)).map((text) => text.text)).toEqual(["Reason 5"]);
  });

  it("counts 200 concurrent answers exactly once and pushes throttled results to a moderator through the bus", async () => {
    const { db } = database;
    const { org, panel, session, poll, researcher } = await liveSession(db);
    const members: Array<Awaited<ReturnType<typeof createPanelMember>>> = [];
    for (let i = 0; i < 200; i++) members.push(await createPanelMember(db, org.id, panel.id, { region: ["north", "south"][i % 2] }));
    const hub = new LiveStreamHub({
      resultsIntervalMs: 100,
      readers: {
        lastSeq: (sessionId) => readLastEventSeq(db, sessionId),
        eventsAfter: (sessionId, afterSeq, limit) => readLiveEventsAfter(db, sessionId, afterSeq, limit),
        pollResults: (pollId) => readLivePollResults(db, pollId),
        sessionResults: async () => [],
        texts: async () => [],
      },
    });
    const { stop } = await startLiveBus(database, { onEvent: (id, seq) => hub.onEvent(id, seq), onVote: (id, pollId) => hub.onVote(id, pollId), onRelisten: () => hub.catchUp() });
    try {
      const moderator = collectingSink();
      const access = { audience: "moderator" as const, session: { ...session, lastEventSeq: 0, currentPollId: poll.id }, context: { userId: researcher.userId } };
      await hub.connect({ sessionId: session.id, audience: "moderator", lastEventId: null, sink: moderator.sink, readSnapshot: () => readLiveSnapshot(db, access) });
      // Half through the one-answer statement, half through the server's group commit.
      const batched = { store: groupedLiveAnswerStore(db), read: createGroupedReader((requests: AnswerContextRequest[]) => readAnswerContexts(db, requests)) };
      const answer = (member: (typeof members)[number], i: number) =>
        submitLiveAnswer(db, member.actor, { id: org.id }, { sessionId: session.id, pollId: poll.id, value: i % 3 === 0 ? "c1" : "c2" }, i % 2 === 0 ? batched : {});
      // Over the server's pool the answers race; PGlite has one connection, so they run one by one.
      if (isServer) await Promise.all(members.map(answer));
      else for (const [i, member] of members.entries()) await answer(member, i);
      // A second answer from the same people counts nothing.
      const again = await Promise.allSettled(members.slice(0, 20).map((member, i) => answer(member, i)));
      expect(again.every((outcome) => outcome.status === "rejected")).toBe(true);

      const [{ answers }] = await db.select({ answers: sql<number>`count(*)::int` }).from(liveAnswers).where(eq(liveAnswers.pollId, poll.id));
      expect(answers).toBe(200);
      const tallies = await db.select({ attribute: livePollTallies.attribute, value: livePollTallies.attributeValue, bucket: livePollTallies.bucket, n: livePollTallies.n }).from(livePollTallies).where(eq(livePollTallies.pollId, poll.id));
      const n = (attribute: string, value: string, bucket: string) => tallies.find((row) => row.attribute === attribute && row.value === value && row.bucket === bucket)?.n;
      expect([n("", "", "_all"), n("", "", "c1"), n("", "", "c2"), n("region", "north", "_all"), n("region", "south", "_all")]).toEqual([200, 67, 133, 100, 100]);

      await waitFor(() => moderator.results().at(-1)?.respondents === 200, "results with every answer");
      // 200 votes, but tallies are read at most once per 100 ms: far fewer pushes than votes.
      expect(moderator.results().length).toBeLessThan(60);
    } finally {
      hub.closeAll();
      await stop();
    }
  });
});

describe("live bus watchdog", () => {
  it("listens from scratch and catches up when its own ping stops coming back", async () => {
    const { db } = database;
    const { session, researcher } = await liveSession(db);
    // A listen connection that can go deaf without telling anyone, as one that never came back would.
    const deafened = new Set<number>();
    let listens = 0;
    const flaky: Pick<Database, "listen" | "db"> = {
      db,
      listen: async (channel, onNotify, onRelisten) => {
        const id = (listens += 1);
        return database.listen(channel, (payload) => !deafened.has(id) && onNotify(payload), onRelisten);
      },
    };
    const hub = new LiveStreamHub({
      resultsIntervalMs: 50,
      readers: {
        lastSeq: (sessionId) => readLastEventSeq(db, sessionId),
        eventsAfter: (sessionId, afterSeq, limit) => readLiveEventsAfter(db, sessionId, afterSeq, limit),
        pollResults: (pollId) => readLivePollResults(db, pollId),
        sessionResults: async () => [],
        texts: async () => [],
      },
    });
    let relistens = 0;
    const bus = await startLiveBus(
      flaky,
      {
        onEvent: (id, seq) => hub.onEvent(id, seq),
        onVote: (id, pollId) => hub.onVote(id, pollId),
        onRelisten: () => {
          relistens += 1;
          hub.catchUp();
        },
      },
      { watchdogMs: 0 },
    );
    try {
      const client = collectingSink();
      const access = { audience: "moderator" as const, session: { ...session, lastEventSeq: 0, currentPollId: null }, context: { userId: researcher.userId } };
      await hub.connect({ sessionId: session.id, audience: "moderator", lastEventId: null, sink: client.sink, readSnapshot: () => readLiveSnapshot(db, access) });
      // The ping is notified before event 1, so it has come back once event 1 has.
      await bus.check();
      await appendPost(db, session.id, 1);
      await waitFor(() => client.eventIds().includes(1), "event 1");

      for (let id = 1; id <= listens; id++) deafened.add(id);
      // The last ping came back: nothing is redone; this ping is lost, and so is event 2.
      await bus.check();
      expect(relistens).toBe(0);
      await appendPost(db, session.id, 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(client.eventIds()).toEqual([1]);
      await bus.check();
      expect(relistens).toBe(1);
      await waitFor(() => client.eventIds().includes(2), "the event missed while deaf");
      await appendPost(db, session.id, 3);
      await waitFor(() => client.eventIds().includes(3), "an event after listening again");
      expect(client.eventIds()).toEqual([1, 2, 3]);
    } finally {
      hub.closeAll();
      await bus.stop();
    }
  });
});

// Only a server connection can drop; PGlite listens in process.
if (isServer) describe("live bus after a dropped connection", () => {
  it("listens again and catches up with the events committed while it was away", async () => {
    const { db } = database;
    const { session, researcher } = await liveSession(db);
    await appendPost(db, session.id, 1);
    const hub = new LiveStreamHub({
      resultsIntervalMs: 50,
      readers: {
        lastSeq: (sessionId) => readLastEventSeq(db, sessionId),
        eventsAfter: (sessionId, afterSeq, limit) => readLiveEventsAfter(db, sessionId, afterSeq, limit),
        pollResults: (pollId) => readLivePollResults(db, pollId),
        sessionResults: async () => [],
        texts: async () => [],
      },
    });
    let relistens = 0;
    const { stop } = await startLiveBus(database, {
      onEvent: (id, seq) => hub.onEvent(id, seq),
      onVote: (id, pollId) => hub.onVote(id, pollId),
      onRelisten: () => {
        relistens += 1;
        hub.catchUp();
      },
    });
    try {
      const client = collectingSink();
      const access = { audience: "moderator" as const, session: { ...session, lastEventSeq: 1, currentPollId: null }, context: { userId: researcher.userId } };
      await hub.connect({ sessionId: session.id, audience: "moderator", lastEventId: null, sink: client.sink, readSnapshot: () => readLiveSnapshot(db, access) });
      // Cut the listening connection, and commit an event before it is back.
      await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()`);
      await appendPost(db, session.id, 2);
      await waitFor(() => relistens > 0, "the bus to listen again");
      await waitFor(() => client.eventIds().includes(2), "the missed event");
      await appendPost(db, session.id, 3);
      await waitFor(() => client.eventIds().includes(3), "a new event after the reconnection");
      expect(client.eventIds()).toEqual([2, 3]);
    } finally {
      hub.closeAll();
      await stop();
    }
  });
});
