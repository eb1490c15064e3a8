import { describe, expect, it } from "vitest";
import type { LiveEvent } from "./events";
import { eventForAudience } from "./live-audience";
import { parseLastEventId, sseMessage } from "./sse-format";

describe("SSE framing", () => {
  it("frames a message with its id on one data line", () => {
    expect(sseMessage("event", { body: "two\nlines" }, 7)).toBe('id: 7\nevent: event\ndata: {"body":"two\\nlines"}\n\n');
    expect(sseMessage("results", { n: 1 })).toBe('event: results\ndata: {"n":1}\n\n');
  });

  it("resumes from the Last-Event-ID header, else the query, and ignores anything but a seq", () => {
    expect(parseLastEventId("12", "3")).toBe(12);
    expect(parseLastEventId(undefined, "3")).toBe(3);
    expect(parseLastEventId(undefined, null)).toBeNull();
    for (const bogus of ["-1", "1.5", "abc", "", "12345678901"]) expect(parseLastEventId(bogus, null)).toBeNull();
  });
});

describe("events per audience", () => {
  const post = { seq: 3, kind: "post.created", createdAt: "2027-03-01T09:00:00.000Z", payload: { postId: "p", body: "Hi", createdAt: "2027-03-01T09:00:00.000Z", author: { userId: "u", name: "Ana" } } } as LiveEvent;
  const pollsChanged = { seq: 4, kind: "polls.changed", createdAt: "2027-03-01T09:00:00.000Z", payload: {} } as LiveEvent;

  it("gives a post's author to moderators only and keeps viewer-only events from participants", () => {
    expect(eventForAudience(post, "moderator")).toBe(post);
    expect(eventForAudience(post, "observer")?.payload).toEqual({ postId: "p", body: "Hi", createdAt: "2027-03-01T09:00:00.000Z" });
    expect(eventForAudience(post, "participant")?.payload).not.toHaveProperty("author");
    expect(post.payload).toHaveProperty("author");
    expect(eventForAudience(pollsChanged, "participant")).toBeNull();
    expect(eventForAudience(pollsChanged, "observer")).toBe(pollsChanged);
  });
});
