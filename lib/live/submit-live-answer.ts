import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberProfile } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef, type SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import type { Definition } from "@/lib/instruments/definition";
import { answerError, type AnswerValue } from "@/lib/instruments/answers";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { LIVE_CHANNEL } from "./events";
import { participantAttributes } from "./participant-attributes";
import { tallyKeys } from "./tally-keys";

export const liveAnswerSchema = z.object({
  sessionId: z.uuid({ message: "notFound" }),
  pollId: z.uuid({ message: "notFound" }),
  value: z.unknown(),
});
export type LiveAnswerInput = z.input<typeof liveAnswerSchema>;

interface PollForAnswer {
  definition: Definition;
  pollStatus: "draft" | "open" | "closed";
  sessionStatus: "scheduled" | "live" | "ended";
  profile: MemberProfile | null;
  locale: Locale | null;
}

/**
 * Stores a participant's answer to the poll open now, once. In one statement: the answer row
 * (refused by its unique key if the person already answered), the running tallies of the poll,
 * and the notification that wakes the viewers' results; the poll must still be open as it runs.
 * A second answer is refused with 409 and counts nothing.
 */
export async function submitLiveAnswer(db: Db, actor: Actor | SessionActor | null, org: OrgRef, input: LiveAnswerInput) {
  const { organization, userId, attributes: segment } = await requirePermission(db, actor, org, "org.view");
  const { sessionId, pollId, value } = liveAnswerSchema.parse(input);

  const [poll] = rowsOf<PollForAnswer>(
    await db.execute(sql`
      select p.definition, p.status as "pollStatus", s.status as "sessionStatus", pm.profile, u.locale
      from live_polls p
      join live_sessions s on s.id = p.session_id
      join users u on u.id = ${userId}
      left join program_members pm on pm.program_id = s.program_id and pm.user_id = ${userId} and pm.status = 'active'
        and (s.sample_id is null or exists (select 1 from panel_sample_members psm where psm.sample_id = s.sample_id and psm.user_id = ${userId}))
      where p.id = ${pollId}::uuid and p.session_id = ${sessionId}::uuid and s.organization_id = ${organization.id}::uuid`),
  );
  if (!poll || !poll.profile) throw new AppError("NOT_FOUND", "notFound");
  if (poll.sessionStatus !== "live" || poll.pollStatus !== "open") throw new AppError("CONFLICT", "livePollClosed");
  const question = poll.definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID);
  if (!question) throw new AppError("NOT_FOUND", "notFound");
  const error = answerError(question, value);
  if (error) throw new AppError("INVALID", error, { value: error });

  const answerLocale: Locale = poll.locale && (LOCALES as readonly string[]).includes(poll.locale) ? poll.locale : organization.defaultLocale;
  const attributes = participantAttributes(segment, poll.profile, answerLocale);
  const keys = tallyKeys(question.type, value as AnswerValue, attributes);
  const [result] = rowsOf<{ stored: number }>(
    await db.execute(sql`
      with inserted as (
        insert into live_answers (poll_id, session_id, user_id, value, attributes, locale)
        select ${pollId}::uuid, ${sessionId}::uuid, ${userId}, ${JSON.stringify(value)}::jsonb, ${JSON.stringify(attributes)}::jsonb, ${answerLocale}::locale
        where exists (select 1 from live_polls p join live_sessions s on s.id = p.session_id where p.id = ${pollId}::uuid and p.status = 'open' and s.status = 'live')
        on conflict (poll_id, user_id) do nothing
        returning id
      ), tallied as (
        insert into live_poll_tallies (poll_id, attribute, attribute_value, bucket, n)
        select ${pollId}::uuid, k.key ->> 'attribute', k.key ->> 'value', k.key ->> 'bucket', 1
        from inserted, jsonb_array_elements(${JSON.stringify(keys)}::jsonb) with ordinality as k(key, position)
        order by k.position
        on conflict (poll_id, attribute, attribute_value, bucket) do update set n = live_poll_tallies.n + 1
        returning 1
      )
      select (select count(*) from inserted)::int as stored,
        (select count(*) from (select pg_notify(${LIVE_CHANNEL.votes}, ${`${sessionId}:${pollId}`}) from inserted) as notified)::int as notified`),
  );
  if (!result || result.stored === 0) {
    // Either the poll closed while the answer was on its way, or this person had already answered.
    const [again] = rowsOf<{ answered: boolean }>(await db.execute(sql`select exists (select 1 from live_answers where poll_id = ${pollId}::uuid and user_id = ${userId}) as answered`));
    throw new AppError("CONFLICT", again?.answered ? "liveAlreadyAnswered" : "livePollClosed");
  }
  return { pollId, stored: true as const };
}
