import { describe, expect, it } from "vitest";
import type { LiveAudience, LiveEvent, LiveResults, LiveSnapshot } from "./events";
import type { LivePollResults } from "./read-live-results";
import { LiveStreamHub, type LiveHubClock, type LiveHubReaders } from "./stream-hub";

const SESSION = "s1";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const event = (seq: number, kind: LiveEvent["kind"] = "post.created"): LiveEvent =>
  ({ seq, kind, createdAt: "2027-03-01T09:00:00.000Z", payload: kind === "post.created" ? { postId: `p${seq}`, body: "Hi", createdAt: "2027-03-01T09:00:00.000Z", author: { userId: "u1", name: "Ana" } } : {} }) as LiveEvent;

const snapshotAt = (seq: number, audience: LiveAudience = "participant"): LiveSnapshot => ({
  seq,
  audience,
  session: { id: SESSION, title: "T", status: "live", defaultLocale: "en", scheduledAt: "2026-12-07T21:00:00.000Z", startedAt: null, endedAt: null },
  currentPoll: null,
  posts: [],
  polls: [],
});

const results = (pollId: string, respondents: number): LiveResults => ({ pollId, respondents, counts: {}, mean: null, splits: {}, minGroupSize: 5 });
const pollResults = (pollId: string, respondents: number): LivePollResults => ({
  pollId,
  isText: false,
  moderator: results(pollId, respondents),
  observer: { ...results(pollId, respondents), splits: { language: [{ value: "pl", suppressed: true, reason: "too_few_responses" }] } },
});

/** A database of events the test appends to, readers that count their calls, and a clock moved by hand. */
function setup(options: { maxReplay?: number } = {}) {
  const stored: LiveEvent[] = [];
  let respondents = 0;
  const calls = { eventsAfter: 0, pollResults: 0 };
  let gate: Promise<void> | null = null;
  const readers: LiveHubReaders = {
    lastSeq: async () => stored.length,
    eventsAfter: async (_sessionId, afterSeq, limit) => {
      calls.eventsAfter += 1;
      if (gate) await gate;
      return stored.filter((candidate) => candidate.seq > afterSeq).slice(0, limit);
    },
    pollResults: async (pollId) => {
      calls.pollResults += 1;
      return pollResults(pollId, respondents);
    },
    sessionResults: async () => [pollResults("poll1", respondents)],
    texts: async () => [],
  };
  let now = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const clock: LiveHubClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => timers.splice(timers.indexOf(handle as (typeof timers)[number]), 1),
  };
  const hub = new LiveStreamHub({ readers, resultsIntervalMs: 250, clock, maxReplay: options.maxReplay });
  return {
    hub,
    calls,
    append: (kind?: LiveEvent["kind"]) => {
      stored.push(event(stored.length + 1, kind));
      return stored.length;
    },
    vote: (count = 1) => {
      respondents += count;
    },
    hold: () => {
      const held = deferred<void>();
      gate = held.promise;
      return () => {
        gate = null;
        held.resolve();
      };
    },
    advance: async (ms: number) => {
      now += ms;
      for (const timer of timers.filter((candidate) => candidate.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
      await settle();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A sink that parses what the hub writes back into SSE messages. */
function sink(options: { isSlow?: boolean } = {}) {
  let text = "";
  const state = { isSlow: options.isSlow ?? false, isEnded: false };
  return {
    state,
    sink: {
      write: (chunk: string) => {
        text += chunk;
        return !state.isSlow;
      },
      end: () => {
        state.isEnded = true;
      },
      buffered: () => 0,
    },
    messages: () =>
      text
        .split("\n\n")
        .filter((block) => block.startsWith("id:") || block.startsWith("event:"))
        .map((block) => {
          const lines = Object.fromEntries(block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]));
          return { id: lines.id ? Number(lines.id) : undefined, event: lines.event, data: JSON.parse(lines.data) };
        }),
  };
}

const eventSeqs = (stream: ReturnType<typeof sink>) => stream.messages().filter((message) => message.event === "event").map((message) => message.id);

describe("live stream hub", () => {
  it("starts a new client from a snapshot, then fans each event out once, stripped for its audience", async () => {
    const { hub, append, calls } = setup();
    append();
    append();
    const participant = sink();
    const observer = sink();
    const moderator = sink();
    for (const [stream, audience] of [[participant, "participant"], [observer, "observer"], [moderator, "moderator"]] as const) {
      await hub.connect({ sessionId: SESSION, audience, lastEventId: null, sink: stream.sink, readSnapshot: async () => snapshotAt(2, audience) });
    }
    expect(participant.messages()[0]).toMatchObject({ event: "snapshot", id: 2 });

    const post = append("post.created");
    const pollsChanged = append("polls.changed");
    hub.onEvent(SESSION, post);
    hub.onEvent(SESSION, pollsChanged);
    await settle();

    expect(eventSeqs(participant)).toEqual([3]);
    expect(eventSeqs(observer)).toEqual([3, 4]);
    expect(eventSeqs(moderator)).toEqual([3, 4]);
    const postFor = (stream: ReturnType<typeof sink>) => stream.messages().find((message) => message.id === 3)!.data.payload;
    expect(postFor(participant)).not.toHaveProperty("author");
    expect(postFor(observer)).not.toHaveProperty("author");
    expect(postFor(moderator).author).toEqual({ userId: "u1", name: "Ana" });
    // Two notifications, read together or one by one, but never once per client.
    expect(calls.eventsAfter).toBeLessThanOrEqual(2);
  });

  it("closes participants' streams once they are told the session ended, and keeps the viewers'", async () => {
    const { hub, append } = setup();
    const participant = sink();
    const moderator = sink();
    for (const [stream, audience] of [[participant, "participant"], [moderator, "moderator"]] as const) {
      await hub.connect({ sessionId: SESSION, audience, lastEventId: null, sink: stream.sink, readSnapshot: async () => snapshotAt(0, audience) });
    }
    hub.onEvent(SESSION, append("session.ended"));
    await settle();
    expect(eventSeqs(participant)).toEqual([1]);
    expect(participant.state.isEnded).toBe(true);
    expect(moderator.state.isEnded).toBe(false);
    expect(hub.clientCount).toBe(1);

    // A participant who comes back later gets the ended snapshot, then the stream closes again.
    const late = sink();
    const ended = snapshotAt(1, "participant");
    await hub.connect({ sessionId: SESSION, audience: "participant", lastEventId: null, sink: late.sink, readSnapshot: async () => ({ ...ended, session: { ...ended.session, status: "ended" } }) });
    expect(late.messages().map((message) => message.event)).toEqual(["snapshot"]);
    expect(late.state.isEnded).toBe(true);
  });

  it("resumes a client from its last event id with exactly the events after it, while new ones arrive", async () => {
    const { hub, append, hold } = setup();
    for (let i = 0; i < 6; i++) append();
    const stream = sink();
    const release = hold();
    const connecting = hub.connect({ sessionId: SESSION, audience: "participant", lastEventId: 3, sink: stream.sink, readSnapshot: async () => snapshotAt(99) });
    await settle();
    // Committed while the replay is being read: the notification's read waits behind the same gate.
    hub.onEvent(SESSION, append());
    hub.onEvent(SESSION, 5);
    release();
    await connecting;
    await settle();
    hub.onEvent(SESSION, append());
    await settle();

    expect(stream.messages().some((message) => message.event === "snapshot")).toBe(false);
    expect(eventSeqs(stream)).toEqual([4, 5, 6, 7, 8]);
  });

  it("holds live events that arrive while a snapshot is read and sends only those after it", async () => {
    const { hub, append } = setup();
    append();
    const stream = sink();
    const snapshotRead = deferred<LiveSnapshot>();
    const connecting = hub.connect({ sessionId: SESSION, audience: "moderator", lastEventId: null, sink: stream.sink, readSnapshot: () => snapshotRead.promise });
    await settle();
    hub.onEvent(SESSION, append());
    hub.onEvent(SESSION, append());
    await settle();
    // The snapshot was read after event 2 committed but before event 3.
    snapshotRead.resolve(snapshotAt(2, "moderator"));
    await connecting;

    expect(stream.messages().map((message) => [message.event, message.id])).toEqual([
      ["snapshot", 2],
      ["event", 3],
      ["results", undefined],
    ]);
  });

  it("sends a snapshot instead of a replay to a client too far behind or ahead of the session", async () => {
    const { hub, append } = setup({ maxReplay: 3 });
    for (let i = 0; i < 6; i++) append();
    for (const lastEventId of [1, 40]) {
      const stream = sink();
      await hub.connect({ sessionId: SESSION, audience: "participant", lastEventId, sink: stream.sink, readSnapshot: async () => snapshotAt(6) });
      expect(stream.messages().map((message) => [message.event, message.id])).toEqual([["snapshot", 6]]);
    }
  });

  it("reads a poll's tallies at most once per interval however many votes arrive, and never pushes results to participants", async () => {
    const { hub, calls, vote, advance } = setup();
    const moderator = sink();
    const observer = sink();
    const participant = sink();
    for (const [stream, audience] of [[moderator, "moderator"], [observer, "observer"], [participant, "participant"]] as const) {
      await hub.connect({ sessionId: SESSION, audience, lastEventId: null, sink: stream.sink, readSnapshot: async () => snapshotAt(0, audience) });
    }
    const pushes = (stream: ReturnType<typeof sink>) => stream.messages().filter((message) => message.event === "results").map((message) => message.data.respondents);

    for (let i = 0; i < 100; i++) {
      vote();
      hub.onVote(SESSION, "poll1");
    }
    await settle();
    expect(calls.pollResults).toBe(1);
    for (let i = 0; i < 50; i++) {
      vote();
      hub.onVote(SESSION, "poll1");
    }
    await advance(100);
    expect(calls.pollResults).toBe(1);
    await advance(150);
    expect(calls.pollResults).toBe(2);
    await advance(1000);
    expect(calls.pollResults).toBe(2);

    // The first push at connect, then one after the first vote, then one for the rest of the burst.
    expect(pushes(moderator)).toEqual([0, 1, 150]);
    expect(pushes(observer)).toEqual([0, 1, 150]);
    expect(observer.messages().at(-1)!.data.splits.language[0].suppressed).toBe(true);
    expect(pushes(participant)).toEqual([]);
  });

  it("streams open answers to the moderator at once, and to observers only once enough have answered", async () => {
    const texts: Array<{ id: number; text: string }> = [];
    const textResults = (): LivePollResults => ({
      pollId: "poll1",
      isText: true,
      moderator: results("poll1", texts.length),
      observer: texts.length < 5 ? { ...results("poll1", texts.length), withheld: true } : results("poll1", texts.length),
    });
    const readers: LiveHubReaders = {
      lastSeq: async () => 0,
      eventsAfter: async () => [],
      pollResults: async () => textResults(),
      sessionResults: async () => [textResults()],
      texts: async (_pollId, afterId, limit) => texts.filter((text) => afterId === null || text.id > afterId).slice(0, limit),
    };
    const hub = new LiveStreamHub({ readers, resultsIntervalMs: 0 });
    const moderator = sink();
    const observer = sink();
    for (const [stream, audience] of [[moderator, "moderator"], [observer, "observer"]] as const) {
      await hub.connect({ sessionId: SESSION, audience, lastEventId: null, sink: stream.sink, readSnapshot: async () => snapshotAt(0, audience) });
    }
    const received = (stream: ReturnType<typeof sink>) => stream.messages().filter((message) => message.event === "texts").flatMap((message) => message.data.texts.map((text: { id: number }) => text.id));

    for (let id = 1; id <= 4; id++) {
      texts.push({ id, text: `answer ${id}` });
      hub.onVote(SESSION, "poll1");
      await settle();
    }
    expect(received(moderator)).toEqual([1, 2, 3, 4]);
    expect(received(observer)).toEqual([]);

    texts.push({ id: 5, text: "answer 5" });
    hub.onVote(SESSION, "poll1");
    await settle();
    texts.push({ id: 6, text: "answer 6" });
    hub.onVote(SESSION, "poll1");
    await settle();
    expect(received(moderator)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(received(observer)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps only the latest results for a slow client until its socket drains", async () => {
    const { hub, vote, advance } = setup();
    const slow = sink();
    const client = await hub.connect({ sessionId: SESSION, audience: "moderator", lastEventId: null, sink: slow.sink, readSnapshot: async () => snapshotAt(0, "moderator") });
    slow.state.isSlow = true;
    for (let round = 0; round < 4; round++) {
      vote(10);
      hub.onVote(SESSION, "poll1");
      await advance(250);
    }
    slow.state.isSlow = false;
    client.drain();
    const respondents = slow.messages().filter((message) => message.event === "results").map((message) => message.data.respondents);
    // At connect, the push that filled the buffer, then only the latest.
    expect(respondents).toEqual([0, 10, 40]);
  });

  it("forgets a session's clients when they close", async () => {
    const { hub, calls, append } = setup();
    const stream = sink();
    const client = await hub.connect({ sessionId: SESSION, audience: "participant", lastEventId: null, sink: stream.sink, readSnapshot: async () => snapshotAt(0) });
    expect(hub.clientCount).toBe(1);
    client.close();
    expect(stream.state.isEnded).toBe(true);
    expect(hub.clientCount).toBe(0);
    hub.onEvent(SESSION, append());
    await settle();
    expect(calls.eventsAfter).toBe(0);
  });
});
