import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { LiveEvent, LiveEventKind, LivePollSummary, LivePost, LiveSnapshot } from "./events";
import type { LiveAccess } from "./live-access";
import { eventForAudience, isViewer } from "./live-audience";

const isoTime = (column: ReturnType<typeof sql>) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface SnapshotRow {
  seq: number;
  title: string;
  status: LiveSnapshot["session"]["status"];
  defaultLocale: string;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  currentPoll: (LivePollSummary & { myAnswer: unknown }) | null;
  posts: LivePost[];
  polls: LivePollSummary[];
}

/**
 * The state a client of the given audience starts from (access comes from requireLiveAccess). One
 * statement, so the seq and everything read with it come from the same database snapshot: the
 * events after `seq` are exactly what the client has not seen.
 */
export async function readLiveSnapshot(db: Db, access: Pick<LiveAccess, "audience" | "session"> & { context: { userId: string } }): Promise<LiveSnapshot> {
  const { audience, session, context } = access;
  const isModerator = audience === "moderator";
  const [row] = rowsOf<SnapshotRow>(
    await db.execute(sql`
      select s.last_event_seq as seq, s.title, s.status, s.default_locale as "defaultLocale",
        ${isoTime(sql`s.scheduled_at`)} as "scheduledAt", ${isoTime(sql`s.started_at`)} as "startedAt", ${isoTime(sql`s.ended_at`)} as "endedAt",
        (select json_build_object('pollId', p.id, 'position', p.position, 'kind', p.kind, 'status', p.status, 'definition', p.definition,
            'myAnswer', (select a.value from live_answers a where a.poll_id = p.id and a.user_id = ${context.userId}))
          from live_polls p where p.id = s.current_poll_id and p.status = 'open') as "currentPoll",
        coalesce((select json_agg(json_build_object('postId', lp.id, 'body', lp.body, 'createdAt', ${isoTime(sql`lp.created_at`)}, 'highlighted', lp.highlighted,
              'hidden', case when ${isModerator}::boolean then lp.status = 'hidden' end,
              'author', case when ${isModerator}::boolean then json_build_object('userId', u.id, 'name', coalesce(u.name, u.email)) end) order by lp.created_at, lp.id)
          from live_posts lp left join users u on u.id = lp.user_id
          where lp.session_id = s.id and (${isModerator}::boolean or lp.status = 'visible')), '[]'::json) as posts,
        case when ${isViewer(audience)}::boolean then coalesce((select json_agg(json_build_object('pollId', p.id, 'position', p.position, 'kind', p.kind, 'status', p.status, 'definition', p.definition) order by p.position, p.id)
          from live_polls p where p.session_id = s.id), '[]'::json) else '[]'::json end as polls
      from live_sessions s where s.id = ${session.id}::uuid`),
  );
  const posts = row.posts.map(({ hidden, author, ...post }) => ({ ...post, ...(isModerator ? { hidden: Boolean(hidden), ...(author?.userId ? { author } : {}) } : {}) }));
  return {
    seq: Number(row.seq),
    audience,
    session: { id: session.id, title: row.title, status: row.status, defaultLocale: row.defaultLocale, scheduledAt: row.scheduledAt, startedAt: row.startedAt, endedAt: row.endedAt },
    currentPoll: row.currentPoll,
    posts,
    polls: row.polls,
  };
}

/** The session's latest event number. */
export async function readLastEventSeq(db: Db, sessionId: string): Promise<number> {
  const [row] = rowsOf<{ seq: number }>(await db.execute(sql`select last_event_seq as seq from live_sessions where id = ${sessionId}::uuid`));
  return row ? Number(row.seq) : 0;
}

/** Events after a seq, oldest first, as stored (authors included): strip them per audience before sending. */
export async function readLiveEventsAfter(db: Db, sessionId: string, afterSeq: number, limit: number): Promise<LiveEvent[]> {
  const rows = rowsOf<{ seq: number; kind: LiveEventKind; payload: LiveEvent["payload"]; createdAt: string }>(
    await db.execute(sql`
      select seq, kind, payload, ${isoTime(sql`created_at`)} as "createdAt" from live_events
      where session_id = ${sessionId}::uuid and seq > ${afterSeq} order by seq limit ${limit}`),
  );
  return rows.map((row) => ({ seq: Number(row.seq), kind: row.kind, payload: row.payload, createdAt: row.createdAt }) as LiveEvent);
}

/** The events after a seq that one audience may see (see eventForAudience). */
export async function readLiveEventsFor(db: Db, sessionId: string, audience: LiveAccess["audience"], afterSeq: number, limit: number): Promise<LiveEvent[]> {
  return (await readLiveEventsAfter(db, sessionId, afterSeq, limit)).map((event) => eventForAudience(event, audience)).filter((event) => event !== null);
}
