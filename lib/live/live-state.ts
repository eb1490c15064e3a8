import type { LiveEvent, LivePollSummary, LivePost, LiveResults, LiveSnapshot, LiveTexts } from "./events";

/** What a live client holds: the snapshot it started from, moved forward by every event since. */
export interface LiveState extends LiveSnapshot {
  /** Results per poll, as last pushed. */
  results: Record<string, LiveResults>;
  /** Open-text answers per poll, newest last, without repeats. */
  texts: Record<string, LiveTexts["texts"]>;
}

export type LiveMessage =
  | { type: "snapshot"; snapshot: LiveSnapshot }
  | { type: "event"; event: LiveEvent }
  | { type: "results"; results: LiveResults }
  | { type: "texts"; texts: LiveTexts }
  /** The client's own answer was stored: the confirmation shows at once. */
  | { type: "answered"; pollId: string; value: unknown };

const MAX_TEXTS_KEPT = 500;

function upsertPoll(polls: LivePollSummary[], poll: LivePollSummary): LivePollSummary[] {
  const others = polls.filter((candidate) => candidate.pollId !== poll.pollId);
  return [...others, poll].sort((a, b) => a.position - b.position);
}

function upsertPost(posts: LivePost[], post: LivePost): LivePost[] {
  return posts.some((candidate) => candidate.postId === post.postId) ? posts.map((candidate) => (candidate.postId === post.postId ? { ...candidate, ...post } : candidate)) : [...posts, post];
}

/**
 * Applies one message from the stream. Events at or below the state's seq are ignored, so a
 * replay that overlaps what the client already has changes nothing; every step is idempotent.
 */
export function applyLiveMessage(state: LiveState | null, message: LiveMessage): LiveState | null {
  if (message.type === "snapshot") return { ...message.snapshot, results: state?.results ?? {}, texts: state?.texts ?? {} };
  if (!state) return state;
  if (message.type === "results") return { ...state, results: { ...state.results, [message.results.pollId]: message.results } };
  if (message.type === "texts") {
    const known = state.texts[message.texts.pollId] ?? [];
    const seen = new Set(known.map((text) => text.id));
    const merged = [...known, ...message.texts.texts.filter((text) => !seen.has(text.id))].sort((a, b) => a.id - b.id).slice(-MAX_TEXTS_KEPT);
    return { ...state, texts: { ...state.texts, [message.texts.pollId]: merged } };
  }
  if (message.type === "answered") {
    return state.currentPoll?.pollId === message.pollId ? { ...state, currentPoll: { ...state.currentPoll, myAnswer: message.value } } : state;
  }

  const { event } = message;
  if (event.seq <= state.seq) return state;
  const next: LiveState = { ...state, seq: event.seq };
  switch (event.kind) {
    case "session.started": {
      const { startedAt } = event.payload as LiveEvent<"session.started">["payload"];
      return { ...next, session: { ...state.session, status: "live", startedAt } };
    }
    case "session.ended": {
      const { endedAt } = event.payload as LiveEvent<"session.ended">["payload"];
      const polls = state.polls.map((poll) => (poll.status === "open" ? { ...poll, status: "closed" as const } : poll));
      return { ...next, session: { ...state.session, status: "ended", endedAt }, currentPoll: null, polls };
    }
    case "polls.changed":
      return next;
    case "poll.opened": {
      const { pollId, position, kind, definition } = event.payload as LiveEvent<"poll.opened">["payload"];
      const opened: LivePollSummary = { pollId, position, kind, definition, status: "open" };
      const polls = state.polls.map((poll) => (poll.status === "open" ? { ...poll, status: "closed" as const } : poll));
      return { ...next, currentPoll: { ...opened, myAnswer: null }, polls: state.audience === "participant" ? [] : upsertPoll(polls, opened) };
    }
    case "poll.closed": {
      const { pollId } = event.payload as LiveEvent<"poll.closed">["payload"];
      return {
        ...next,
        currentPoll: state.currentPoll?.pollId === pollId ? null : state.currentPoll,
        polls: state.polls.map((poll) => (poll.pollId === pollId ? { ...poll, status: "closed" as const } : poll)),
      };
    }
    case "post.created": {
      const { postId, body, createdAt, author } = event.payload as LiveEvent<"post.created">["payload"];
      return { ...next, posts: upsertPost(state.posts, { postId, body, createdAt, highlighted: false, ...(author ? { author } : {}), ...(state.audience === "moderator" ? { hidden: false } : {}) }) };
    }
    case "post.hidden": {
      const { postId } = event.payload as LiveEvent<"post.hidden">["payload"];
      return { ...next, posts: state.audience === "moderator" ? state.posts.map((post) => (post.postId === postId ? { ...post, hidden: true } : post)) : state.posts.filter((post) => post.postId !== postId) };
    }
    case "post.shown": {
      const { postId, body, createdAt, highlighted } = event.payload as LiveEvent<"post.shown">["payload"];
      const shown = upsertPost(state.posts, { postId, body, createdAt, highlighted, ...(state.audience === "moderator" ? { hidden: false } : {}) });
      return { ...next, posts: shown.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
    }
    case "post.highlighted": {
      const { postId, highlighted } = event.payload as LiveEvent<"post.highlighted">["payload"];
      return { ...next, posts: state.posts.map((post) => (post.postId === postId ? { ...post, highlighted } : post)) };
    }
    default:
      return next;
  }
}
