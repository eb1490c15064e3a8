import type { Definition } from "@/lib/instruments/definition";

/** The notification channels of the live bus. Payloads are ids only; readers load what they need. */
export const LIVE_CHANNEL = { events: "attune_live_events", votes: "attune_live_votes" } as const;

/** Who is connected to a session's stream, and so what they may be sent. */
export type LiveAudience = "moderator" | "observer" | "participant";

/**
 * The sequenced events of a session, stored in live_events: the timeline, and what a reconnecting
 * client replays after its Last-Event-ID. `viewers` events never reach participants.
 */
export interface LiveEventPayloads {
  "session.started": { startedAt: string };
  "session.ended": { endedAt: string };
  /** Prepared polls were added, edited, reordered or removed (moderators refetch the list). */
  "polls.changed": Record<string, never>;
  "poll.opened": { pollId: string; position: number; kind: string; definition: Definition };
  "poll.closed": { pollId: string };
  /** `author` is sent to moderators only; everyone else sees posts without names. */
  "post.created": { postId: string; body: string; createdAt: string; author?: { userId: string; name: string } };
  "post.hidden": { postId: string };
  /** A hidden post shown again: carries the post, since participants and observers had dropped it. */
  "post.shown": { postId: string; body: string; createdAt: string; highlighted: boolean };
  "post.highlighted": { postId: string; highlighted: boolean };
}
export type LiveEventKind = keyof LiveEventPayloads;

export const VIEWER_ONLY_EVENTS: ReadonlySet<LiveEventKind> = new Set(["polls.changed"]);

export interface LiveEvent<K extends LiveEventKind = LiveEventKind> {
  seq: number;
  kind: K;
  payload: LiveEventPayloads[K];
  createdAt: string;
}

/** One group of a split: withheld under the minimum group size for observers. */
export type LiveSplitGroup =
  | { value: string; suppressed: false; respondents: number; counts: Record<string, number>; mean: number | null }
  | { value: string; suppressed: true; reason: "too_few_responses" | "complementary" };

/**
 * A poll's live results as pushed to moderators and observers (SSE event "results", no id: a
 * state, not a step of the timeline). Counts are per bucket: a choice id or a scale value.
 */
export interface LiveResults {
  pollId: string;
  respondents: number;
  counts: Record<string, number>;
  mean: number | null;
  /** Per profile attribute (region, language, ageBand, tenure, custom ones): its groups. */
  splits: Record<string, LiveSplitGroup[]>;
  /** The smallest group observers may see split out. */
  minGroupSize: number;
  /** Observers: fewer answers than the minimum so far, so no figure but the count is shown. */
  withheld?: boolean;
}

/** New open-text answers of a poll (SSE event "texts", no id), newest last; `after` resumes. */
export interface LiveTexts {
  pollId: string;
  texts: Array<{ id: number; text: string }>;
}

/** A post as a client holds it; `hidden` and `author` reach moderators only. */
export interface LivePost {
  postId: string;
  body: string;
  createdAt: string;
  highlighted: boolean;
  hidden?: boolean;
  author?: { userId: string; name: string };
}

/** A poll as viewers list it (participants only ever get the open one). */
export interface LivePollSummary {
  pollId: string;
  position: number;
  kind: string;
  status: "draft" | "open" | "closed";
  definition: Definition;
}

/**
 * The state a client starts from (SSE event "snapshot", with id = `seq`): sent on a fresh
 * connection, or when a resuming client is too far behind to replay. Events after `seq` follow.
 */
export interface LiveSnapshot {
  seq: number;
  audience: LiveAudience;
  session: { id: string; title: string; status: "scheduled" | "live" | "ended"; defaultLocale: string; scheduledAt: string; startedAt: string | null; endedAt: string | null };
  currentPoll: (LivePollSummary & { myAnswer: unknown }) | null;
  /** Visible posts for participants and observers; every post (hidden ones marked) for moderators. */
  posts: LivePost[];
  /** Moderators and observers: every poll of the session in order. */
  polls: LivePollSummary[];
}
