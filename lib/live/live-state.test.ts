import { describe, expect, it } from "vitest";
import type { LiveEvent, LiveSnapshot } from "./events";
import { applyLiveMessage, type LiveState } from "./live-state";

const definition = { title: { en: "Hours" }, defaultLocale: "en" as const, requiredLocales: ["en" as const], questions: [] };
const snapshot = (audience: LiveSnapshot["audience"]): LiveSnapshot => ({
  seq: 2,
  audience,
  session: { id: "s1", title: "Store hours", status: "live", defaultLocale: "en", scheduledAt: "2026-12-07T21:00:00.000Z", startedAt: "2027-03-01T09:00:00.000Z", endedAt: null },
  currentPoll: null,
  posts: [],
  polls: [],
});
const event = <K extends LiveEvent["kind"]>(seq: number, kind: K, payload: LiveEvent<K>["payload"]): { type: "event"; event: LiveEvent } => ({
  type: "event",
  event: { seq, kind, payload, createdAt: "2027-03-01T09:01:00.000Z" } as LiveEvent,
});
const run = (state: LiveState | null, ...messages: Parameters<typeof applyLiveMessage>[1][]) => messages.reduce(applyLiveMessage, state);

describe("live client state", () => {
  it("opens a poll, records the participant's answer and drops the poll when it closes", () => {
    const opened = run(null, { type: "snapshot", snapshot: snapshot("participant") }, event(3, "poll.opened", { pollId: "p1", position: 1, kind: "single", definition }));
    expect(opened?.currentPoll).toMatchObject({ pollId: "p1", status: "open", myAnswer: null });
    expect(run(opened, { type: "answered", pollId: "p1", value: "c1" })?.currentPoll?.myAnswer).toBe("c1");
    expect(run(opened, event(4, "poll.closed", { pollId: "p1" }))?.currentPoll).toBeNull();
  });

  it("ignores events it already has, so an overlapping replay changes nothing", () => {
    const start = run(null, { type: "snapshot", snapshot: snapshot("observer") }, event(3, "post.created", { postId: "a", body: "Open later", createdAt: "2027-03-01T09:01:00.000Z" }));
    const replayed = run(start, event(3, "post.created", { postId: "a", body: "Open later", createdAt: "2027-03-01T09:01:00.000Z" }), event(2, "session.ended", { endedAt: "x" }));
    expect(replayed).toEqual(start);
    expect(replayed?.posts).toHaveLength(1);
  });

  it("removes a hidden post for participants, marks it for the moderator, and brings it back when shown", () => {
    const post = event(3, "post.created", { postId: "a", body: "Too loud", createdAt: "2027-03-01T09:01:00.000Z", author: { userId: "u1", name: "Ana" } });
    const hide = event(4, "post.hidden", { postId: "a" });
    expect(run(null, { type: "snapshot", snapshot: snapshot("participant") }, post, hide)?.posts).toEqual([]);
    expect(run(null, { type: "snapshot", snapshot: snapshot("moderator") }, post, hide)?.posts[0]).toMatchObject({ postId: "a", hidden: true, author: { name: "Ana" } });
    const shown = run(null, { type: "snapshot", snapshot: snapshot("participant") }, post, hide, event(5, "post.shown", { postId: "a", body: "Too loud", createdAt: "2027-03-01T09:01:00.000Z", highlighted: true }));
    expect(shown?.posts).toEqual([{ postId: "a", body: "Too loud", createdAt: "2027-03-01T09:01:00.000Z", highlighted: true }]);
  });

  it("keeps open-text answers once each, in order", () => {
    const start = run(null, { type: "snapshot", snapshot: snapshot("moderator") });
    const texts = run(start, { type: "texts", texts: { pollId: "p1", texts: [{ id: 2, text: "b" }] } }, { type: "texts", texts: { pollId: "p1", texts: [{ id: 1, text: "a" }, { id: 2, text: "b" }] } });
    expect(texts?.texts.p1).toEqual([{ id: 1, text: "a" }, { id: 2, text: "b" }]);
  });
});
