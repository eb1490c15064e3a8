import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { can } from "@/lib/authz/policy";
import type { Actor, OrgRef } from "@/lib/authz/require-permission";
import type { Role } from "@/lib/authz/roles";
import { AppError } from "@/lib/errors";
import type { Definition } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID, STIMULUS_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import type { LiveResults } from "./events";
import { requireLiveAccess } from "./live-access";
import { LIVE_MIN_GROUP_SIZE, liveResultsFromTallies, type TallyRow } from "./live-results";

/** At most this many open answers of one poll are listed on the page (the export has all). */
const MAX_TEXTS = 500;
/** Timeline events observers are not shown: they are about posts observers never see. */
const MODERATOR_ONLY_EVENTS = new Set(["post.hidden", "post.shown"]);
type EventLabel = "sessionStarted" | "sessionEnded" | "pollsChanged" | "pollOpened" | "pollClosed" | "postCreated" | "postHidden" | "postShown" | "postHighlighted" | "postUnhighlighted" | "other";
const EVENT_LABELS: Record<string, EventLabel> = {
  "session.started": "sessionStarted",
  "session.ended": "sessionEnded",
  "polls.changed": "pollsChanged",
  "poll.opened": "pollOpened",
  "poll.closed": "pollClosed",
  "post.created": "postCreated",
  "post.hidden": "postHidden",
  "post.shown": "postShown",
  "post.highlighted": "postHighlighted",
};

export interface ReviewPoll {
  pollId: string;
  ordinal: number;
  kind: string;
  status: "draft" | "open" | "closed";
  prompt: string;
  stimulus: { imageUrl: string | null; copy: string | null } | null;
  options: Array<{ key: string; label: string }>;
  /** Null when observers may not see this poll's figures: fewer answered than the minimum group. */
  results: LiveResults | null;
  /** Open answers (text polls); null when there are none to show or they are withheld. */
  texts: string[] | null;
  textsWithheld: boolean;
}

export interface ReviewPost {
  postId: string;
  body: string;
  createdAt: string;
  hidden: boolean;
  highlighted: boolean;
  /** Moderators only. */
  author: string | null;
}

export interface ReviewEvent {
  seq: number;
  kind: string;
  /** What happened, as a key of liveReview.event: the kind, or "other" for a kind this page does not know. */
  label: EventLabel;
  at: string;
  /** Who acted; observers see staff, never participants. */
  actor: string | null;
  /** The poll an event is about, by its number in the session. */
  pollOrdinal: number | null;
}

/**
 * Everything a finished (or running) session left behind, for the review page: header, every poll's
 * final results from its tallies, the thread and the timeline. Moderators see it all. Observers
 * (leaders) see figures only for groups of the minimum size, open answers only when enough people
 * gave them, visible posts without names, and no participant named in the timeline. Participants
 * and other organizations get NOT_FOUND.
 */
export async function readSessionReview(db: Db, actor: Actor | null, org: OrgRef, sessionId: string, locale: Locale) {
  const { context, session, audience } = await requireLiveAccess(db, actor, org, sessionId);
  if (audience === "participant") throw new AppError("NOT_FOUND", "notFound");
  const isModerator = audience === "moderator";
  const thresholds = effectiveThresholds(context.organization);
  const minGroupSize = Math.max(LIVE_MIN_GROUP_SIZE, thresholds.minGroupSize);
  const minTextGroupSize = Math.max(minGroupSize, thresholds.minCommentGroupSize);

  const [header] = rowsOf<{ title: string; status: "scheduled" | "live" | "ended"; scheduledAt: string; startedAt: string | null; endedAt: string | null; instrumentId: string | null; panelId: string; panelName: string; invited: number; answered: number }>(
    await db.execute(sql`
      select s.title, s.status, s.scheduled_at as "scheduledAt", s.started_at as "startedAt", s.ended_at as "endedAt", s.instrument_id as "instrumentId",
        p.id as "panelId", p.name as "panelName",
        (case when s.sample_id is null then (select count(*) from program_members pm where pm.program_id = s.program_id and pm.status = 'active')
          else (select count(*) from panel_sample_members psm where psm.sample_id = s.sample_id) end)::int as invited,
        (select count(distinct a.user_id) from live_answers a where a.session_id = s.id)::int as answered
      from live_sessions s join programs p on p.id = s.program_id
      where s.id = ${session.id}::uuid`),
  );

  const pollRows = rowsOf<{ id: string; kind: string; status: ReviewPoll["status"]; definition: Definition }>(
    await db.execute(sql`select id, kind, status, definition from live_polls where session_id = ${session.id}::uuid order by position, id`),
  );
  const tallies = rowsOf<TallyRow & { pollId: string }>(
    await db.execute(sql`
      select t.poll_id as "pollId", t.attribute, t.attribute_value as "attributeValue", t.bucket, t.n
      from live_poll_tallies t join live_polls p on p.id = t.poll_id where p.session_id = ${session.id}::uuid`),
  );
  const texts = rowsOf<{ pollId: string; text: string }>(
    await db.execute(sql`
      select a.poll_id as "pollId", a.value #>> '{}' as text
      from live_answers a join live_polls p on p.id = a.poll_id
      where a.session_id = ${session.id}::uuid and p.kind = 'text' and jsonb_typeof(a.value) = 'string'
      order by a.answered_at, a.id`),
  );

  const polls = pollRows.map((poll, index): ReviewPoll => {
    const question = poll.definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID);
    const stimulus = poll.definition.questions.find((candidate) => candidate.id === STIMULUS_QUESTION_ID);
    const fallback = poll.definition.defaultLocale;
    const isScale = question?.type === "scale";
    const options = question && "choices" in question ? question.choices.map((choice) => ({ key: choice.id, label: localize(choice.label, locale, fallback) })) : isScale ? Array.from({ length: 11 }, (_, n) => ({ key: String(n), label: String(n) })) : [];
    const results = liveResultsFromTallies(poll.id, tallies.filter((row) => row.pollId === poll.id).map((row) => ({ ...row, n: Number(row.n) })), { isScale, audience, minGroupSize });
    const isWithheld = results.withheld === true;
    const pollTexts = texts.filter((row) => row.pollId === poll.id).map((row) => row.text);
    const textsWithheld = !isModerator && pollTexts.length > 0 && pollTexts.length < minTextGroupSize;
    return {
      pollId: poll.id,
      ordinal: index + 1,
      kind: poll.kind,
      status: poll.status,
      prompt: question ? localize(question.prompt, locale, fallback) : "",
      stimulus: stimulus?.type === "stimulus" ? { imageUrl: stimulus.imageUrl ?? null, copy: stimulus.copy ? localize(stimulus.copy, locale, fallback) : null } : null,
      options,
      results: isWithheld ? null : results,
      texts: question?.type === "text" && !textsWithheld ? pollTexts.slice(-MAX_TEXTS) : null,
      textsWithheld,
    };
  });

  const posts = rowsOf<{ postId: string; body: string; createdAt: string; status: "visible" | "hidden"; highlighted: boolean; author: string | null }>(
    await db.execute(sql`
      select p.id as "postId", p.body, p.created_at as "createdAt", p.status, p.highlighted, coalesce(u.name, u.email) as author
      from live_posts p left join users u on u.id = p.user_id
      where p.session_id = ${session.id}::uuid ${isModerator ? sql`` : sql`and p.status = 'visible'`}
      order by p.created_at, p.id`),
  ).map((post): ReviewPost => ({ postId: post.postId, body: post.body, createdAt: iso(post.createdAt), hidden: post.status === "hidden", highlighted: post.highlighted, author: isModerator ? post.author : null }));

  const ordinalOf = new Map(polls.map((poll) => [poll.pollId, poll.ordinal]));
  const timeline = rowsOf<{ seq: number; kind: string; pollId: string | null; highlighted: string | null; createdAt: string; actorName: string | null; actorRole: Role | null }>(
    await db.execute(sql`
      select e.seq, e.kind, e.payload ->> 'pollId' as "pollId", e.payload ->> 'highlighted' as highlighted, e.created_at as "createdAt", coalesce(u.name, u.email) as "actorName", m.role as "actorRole"
      from live_events e
      left join users u on u.id = e.actor_user_id
      left join memberships m on m.user_id = e.actor_user_id and m.organization_id = ${context.organization.id}::uuid
      where e.session_id = ${session.id}::uuid
      order by e.seq`),
  )
    .filter((event) => isModerator || !MODERATOR_ONLY_EVENTS.has(event.kind))
    .map((event): ReviewEvent => ({
      seq: Number(event.seq),
      kind: event.kind,
      label: event.kind === "post.highlighted" && event.highlighted === "false" ? "postUnhighlighted" : (EVENT_LABELS[event.kind] ?? "other"),
      at: iso(event.createdAt),
      actor: isModerator || (event.actorRole && can(event.actorRole, "live.moderate")) ? event.actorName : null,
      pollOrdinal: event.pollId ? (ordinalOf.get(event.pollId) ?? null) : null,
    }));

  const customAttributes = rowsOf<{ key: string; label: string }>(await db.execute(sql`select key, label from panel_attributes where organization_id = ${context.organization.id}::uuid`));

  return {
    audience,
    canExport: can(context.role, "responses.export"),
    canViewResponses: can(context.role, "responses.view"),
    minGroupSize,
    minTextGroupSize,
    session: {
      id: session.id,
      title: header.title,
      status: header.status,
      panel: { id: header.panelId, name: header.panelName },
      scheduledAt: iso(header.scheduledAt),
      startedAt: header.startedAt ? iso(header.startedAt) : null,
      endedAt: header.endedAt ? iso(header.endedAt) : null,
      invited: Number(header.invited),
      answered: Number(header.answered),
      instrumentId: header.instrumentId,
    },
    polls,
    posts,
    timeline,
    customAttributes: Object.fromEntries(customAttributes.map((attribute) => [attribute.key, attribute.label])),
  };
}
export type SessionReview = Awaited<ReturnType<typeof readSessionReview>>;

/** Raw timestamps come back as text from PGlite and as Date from postgres.js. */
function iso(value: string | Date): string {
  return new Date(value).toISOString();
}
