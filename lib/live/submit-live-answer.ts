import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberAttributes, MemberProfile } from "@/db/schema";
import { can } from "@/lib/authz/policy";
import type { Role } from "@/lib/authz/roles";
import { isUuid } from "@/lib/ids";
import { requirePermission, sessionUserIdSql, type Actor, type OrgRef, type SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { createGroupCommit } from "@/lib/batching/group-commit";
import type { Definition } from "@/lib/instruments/definition";
import { answerError, type AnswerValue } from "@/lib/instruments/answers";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { LIVE_CHANNEL } from "./events";
import { participantAttributes } from "./participant-attributes";
import { tallyKeys, type TallyKey } from "./tally-keys";

export const liveAnswerSchema = z.object({
  sessionId: z.uuid({ message: "notFound" }),
  pollId: z.uuid({ message: "notFound" }),
  value: z.unknown(),
});
export type LiveAnswerInput = z.input<typeof liveAnswerSchema>;

interface PollForAnswer {
  userId: string;
  role: Role;
  segment: MemberAttributes;
  orgLocale: Locale;
  definition: Definition | null;
  pollStatus: "draft" | "open" | "closed" | null;
  sessionStatus: "scheduled" | "live" | "ended" | null;
  profile: MemberProfile | null;
  locale: Locale | null;
}

/** An answer checked and ready to store: who, what, and every tally it adds to. */
export interface PreparedLiveAnswer {
  sessionId: string;
  pollId: string;
  userId: string;
  value: unknown;
  attributes: Record<string, string>;
  locale: Locale;
  keys: TallyKey[];
}

/** Stores answers; resolves to whether this one was stored (false: already answered, or the poll closed). */
export type StoreLiveAnswer = (answer: PreparedLiveAnswer) => Promise<boolean>;

export const liveAnswerKey = (answer: Pick<PreparedLiveAnswer, "pollId" | "userId">) => `${answer.pollId}:${answer.userId}`;

/** Stores live answers by group commit: many participants' answers per statement, a person's two answers never in one. */
export const groupedLiveAnswerStore = (db: Db, options?: { gatherMs?: number }): StoreLiveAnswer =>
  createGroupCommit((answers: PreparedLiveAnswer[]) => storeLiveAnswers(db, answers), (answer) => [liveAnswerKey(answer)], options);

/**
 * Stores a participant's answer to the poll open now, once. The answer row (refused by its unique
 * key if the person already answered), the running tallies of the poll and the notification that
 * wakes the viewers' results are written by one statement; the poll must still be open as it runs.
 * A second answer is refused with 409 and counts nothing. `read` and `store` let the lean server
 * path read and write many participants' answers per statement (lib/batching/group-commit.ts).
 */
export async function submitLiveAnswer(db: Db, actor: Actor | SessionActor | null, org: OrgRef, input: LiveAnswerInput, options: { store?: StoreLiveAnswer; read?: ReadAnswerContext } = {}) {
  const read = options.read ?? (async (request: AnswerContextRequest) => (await readAnswerContexts(db, [request]))[0]);
  const answer = await prepareLiveAnswer(db, actor, org, input, read);
  const store = options.store ?? (async (one: PreparedLiveAnswer) => (await storeLiveAnswers(db, [one])).has(liveAnswerKey(one)));
  if (!(await store(answer))) {
    // Either the poll closed while the answer was on its way, or this person had already answered.
    const [again] = rowsOf<{ answered: boolean }>(await db.execute(sql`select exists (select 1 from live_answers where poll_id = ${answer.pollId}::uuid and user_id = ${answer.userId}) as answered`));
    throw new AppError("CONFLICT", again?.answered ? "liveAlreadyAnswered" : "livePollClosed");
  }
  return { pollId: answer.pollId, stored: true as const };
}

/** Who answers which poll: what readAnswerContexts looks up, one row per request. */
export interface AnswerContextRequest {
  actor: Actor | SessionActor;
  org: OrgRef;
  sessionId: string;
  pollId: string;
}
export type AnswerContext = PollForAnswer;
/** Reads one answer's context (null: no membership, no such poll); the lean path groups many per statement. */
export type ReadAnswerContext = (request: AnswerContextRequest) => Promise<AnswerContext | null>;

/**
 * Checks who answers what (a member of the organization and of the session's panel, a valid value,
 * an open poll) and works out the tallies. A miss is explained by requirePermission itself.
 */
async function prepareLiveAnswer(db: Db, actor: Actor | SessionActor | null, org: OrgRef, input: LiveAnswerInput, read: ReadAnswerContext): Promise<PreparedLiveAnswer> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  if ("id" in org && !isUuid(org.id)) throw new AppError("NOT_FOUND", "notFound");
  const { sessionId, pollId, value } = liveAnswerSchema.parse(input);
  const poll = await read({ actor, org, sessionId, pollId });
  if (!poll) {
    await requirePermission(db, actor, org, "org.view");
    throw new AppError("NOT_FOUND", "notFound");
  }
  if (!can(poll.role, "org.view")) throw new AppError("FORBIDDEN", "forbidden");
  if (!poll.definition || !poll.sessionStatus || !poll.profile) throw new AppError("NOT_FOUND", "notFound");
  if (poll.sessionStatus !== "live" || poll.pollStatus !== "open") throw new AppError("CONFLICT", "livePollClosed");
  const question = poll.definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID);
  if (!question) throw new AppError("NOT_FOUND", "notFound");
  const error = answerError(question, value);
  if (error) throw new AppError("INVALID", error, { value: error });

  const answerLocale: Locale = poll.locale && (LOCALES as readonly string[]).includes(poll.locale) ? poll.locale : poll.orgLocale;
  const attributes = participantAttributes(poll.segment, poll.profile, answerLocale);
  return { sessionId, pollId, userId: poll.userId, value, attributes, locale: answerLocale, keys: tallyKeys(question.type, value as AnswerValue, attributes) };
}

/**
 * The context of answers, in one statement for any number of them: the membership check of
 * requirePermission (an unexpired session, an active membership of the organization) folded into
 * the read of the poll, its session and the person's panel membership and profile. Null where the
 * person is no member; the poll columns are null where there is no such poll in the organization.
 */
export async function readAnswerContexts(db: Db, requests: AnswerContextRequest[]): Promise<Array<AnswerContext | null>> {
  const input = requests.map(({ actor, org, sessionId, pollId }, i) => ({
    i,
    token: "sessionToken" in actor ? actor.sessionToken : null,
    userId: "userId" in actor ? actor.userId : null,
    orgId: "id" in org ? org.id : null,
    slug: "slug" in org ? org.slug : null,
    sessionId,
    pollId,
  }));
  const rows = rowsOf<AnswerContext & { i: number }>(
    await db.execute(sql`
      select r.i, m.user_id as "userId", m.role, m.attributes as segment, m.default_locale as "orgLocale",
        p.definition, p.status as "pollStatus", s.status as "sessionStatus", pm.profile, u.locale
      from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as r(i int, token text, "userId" text, "orgId" uuid, slug text, "sessionId" uuid, "pollId" uuid)
      cross join lateral (
        select m.user_id, m.role, m.attributes, o.id as organization_id, o.default_locale
        from memberships m join organizations o on o.id = m.organization_id
        where m.deactivated_at is null
          and m.organization_id = coalesce(r."orgId", (select o2.id from organizations o2 where o2.slug = r.slug))
          and m.user_id = coalesce(r."userId", ${sessionUserIdSql(sql`r.token`)})
        limit 1
      ) m
      join users u on u.id = m.user_id
      left join live_polls p on p.id = r."pollId" and p.session_id = r."sessionId"
      left join live_sessions s on s.id = p.session_id and s.organization_id = m.organization_id
      left join program_members pm on pm.program_id = s.program_id and pm.user_id = m.user_id and pm.status = 'active'
        and (s.sample_id is null or exists (select 1 from panel_sample_members psm where psm.sample_id = s.sample_id and psm.user_id = m.user_id))`),
  );
  const byIndex = new Map(rows.map(({ i, ...row }) => [Number(i), row as AnswerContext]));
  return requests.map((_, i) => byIndex.get(i) ?? null);
}

/**
 * Writes answers (at most one per person and poll in a call) in one statement: each row refused by
 * the unique key if that person already answered, or when its poll is no longer open; the tallies
 * of the rows stored, summed per key and locked in one order; one notification per poll. Returns
 * the keys (liveAnswerKey) of the answers stored.
 */
export async function storeLiveAnswers(db: Db, answers: PreparedLiveAnswer[]): Promise<Set<string>> {
  if (answers.length === 0) return new Set();
  const input = answers.map((answer, position) => ({ ...answer, value: answer.value ?? null, position }));
  const rows = rowsOf<{ pollId: string; userId: string }>(
    await db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          as x("pollId" uuid, "sessionId" uuid, "userId" text, value jsonb, attributes jsonb, locale locale, keys jsonb, position int)
      ), inserted as (
        insert into live_answers (poll_id, session_id, user_id, value, attributes, locale)
        select i."pollId", i."sessionId", i."userId", i.value, i.attributes, i.locale from input i
        where exists (select 1 from live_polls p join live_sessions s on s.id = p.session_id where p.id = i."pollId" and p.status = 'open' and s.status = 'live')
        order by i.position
        on conflict (poll_id, user_id) do nothing
        returning poll_id, user_id
      ), tallied as (
        insert into live_poll_tallies (poll_id, attribute, attribute_value, bucket, n)
        select i."pollId", k.key ->> 'attribute', k.key ->> 'value', k.key ->> 'bucket', count(*)::int
        from inserted a join input i on i."pollId" = a.poll_id and i."userId" = a.user_id, jsonb_array_elements(i.keys) as k(key)
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4
        on conflict (poll_id, attribute, attribute_value, bucket) do update set n = live_poll_tallies.n + excluded.n
        returning 1
      ), notified as (
        select pg_notify(${LIVE_CHANNEL.votes}, i."sessionId" || ':' || i."pollId")
        from (select distinct i."sessionId", i."pollId" from inserted a join input i on i."pollId" = a.poll_id and i."userId" = a.user_id) i
      )
      select a.poll_id as "pollId", a.user_id as "userId", (select count(*) from tallied) as tallied, (select count(*) from notified) as notified
      from inserted a`),
  );
  return new Set(rows.map((row) => liveAnswerKey({ pollId: String(row.pollId), userId: row.userId })));
}
