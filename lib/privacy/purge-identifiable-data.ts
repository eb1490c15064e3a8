import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { bigintList, textList, uuidList } from "@/db/sql-lists";

/*
 * What erasure and retention share: taking free text and the link to a person out of responses,
 * live answers and posts, and the quotes that came from them out of memos and decision evidence.
 * Numbers stay where they are, so aggregates and KPI rollups are unchanged.
 */

/** The free text of some responses: what a decision may have quoted before quotes named their response. */
async function freeTextOf(tx: Db, responseIds: readonly string[]): Promise<string[]> {
  const rows = rowsOf<{ text: string }>(await tx.execute(sql`select distinct text_value as text from response_answers where response_id = any(${uuidList(responseIds)}) and text_value is not null`));
  return rows.map((row) => row.text);
}

/**
 * Removes quotes of these responses from the organization's memos and from frozen decision
 * evidence (the decisions trigger allows evidence to change, nothing else). A decision quote that
 * names its response is matched by id; an older one by its exact text. Returns the quotes removed.
 */
export async function stripQuotes(tx: Db, organizationId: string, responseIds: readonly string[]): Promise<number> {
  if (responseIds.length === 0) return 0;
  const ids = sql`array(select unnest(${uuidList(responseIds)})::text)`;
  const texts = textList(await freeTextOf(tx, responseIds));
  const memos = rowsOf<{ removed: number }>(
    await tx.execute(sql`
      with changed as (
        select m.id, jsonb_array_length(m.quotes) as before,
          coalesce((select jsonb_agg(q.value order by q.ordinality) from jsonb_array_elements(m.quotes) with ordinality q where not (q.value->>'responseId' = any(${ids}))), '[]'::jsonb) as quotes
        from cycle_memos m
        where m.organization_id = ${organizationId}::uuid and exists (select 1 from jsonb_array_elements(m.quotes) q where q.value->>'responseId' = any(${ids}))
      )
      update cycle_memos m set quotes = changed.quotes from changed where m.id = changed.id
      returning changed.before - jsonb_array_length(changed.quotes) as removed`),
  );
  const isTheirs = (item: SQL) => sql`(${item}->>'type' = 'quote' and (${item}->>'responseId' = any(${ids}) or (${item}->>'responseId' is null and ${item}->>'text' = any(${texts}))))`;
  const decisions = rowsOf<{ removed: number }>(
    await tx.execute(sql`
      with changed as (
        select d.id, jsonb_array_length(d.evidence->'items') as before,
          coalesce((select jsonb_agg(i.value order by i.ordinality) from jsonb_array_elements(d.evidence->'items') with ordinality i where not ${isTheirs(sql`i.value`)}), '[]'::jsonb) as items
        from decisions d
        where d.organization_id = ${organizationId}::uuid and exists (select 1 from jsonb_array_elements(d.evidence->'items') i where ${isTheirs(sql`i.value`)})
      )
      update decisions d set evidence = jsonb_set(d.evidence, '{items}', changed.items) from changed where d.id = changed.id
      returning changed.before - jsonb_array_length(changed.items) as removed`),
  );
  return [...memos, ...decisions].reduce((sum, row) => sum + Number(row.removed), 0);
}

/**
 * Detaches completed responses from their respondent and takes their free text away: open-text
 * answers and the "other" texts of choice questions leave `answers` and `response_answers`; every
 * number and choice stays, so KPIs and results read the same. Quotes go first (they need the text).
 */
export async function anonymizeResponses(tx: Db, organizationId: string, responseIds: readonly string[], now: Date): Promise<number> {
  if (responseIds.length === 0) return 0;
  await stripQuotes(tx, organizationId, responseIds);
  const ids = uuidList(responseIds);
  await tx.execute(sql`delete from response_answers where response_id = any(${ids}) and text_value is not null`);
  const updated = rowsOf<{ id: string }>(
    await tx.execute(sql`
      update responses r set respondent_user_id = null, anonymized_at = ${now.toISOString()}::timestamptz,
        answers = coalesce((
          select jsonb_object_agg(a.key, case when jsonb_typeof(a.value) = 'object' and a.value ? 'choiceIds' then a.value - 'other' else a.value end)
          from jsonb_each(r.answers) a
          where a.key not in (select q->>'id' from instrument_versions v, jsonb_array_elements(v.definition->'questions') q where v.id = r.instrument_version_id and q->>'type' = 'text')
        ), '{}'::jsonb)
      where r.id = any(${ids}) and r.organization_id = ${organizationId}::uuid
      returning r.id`),
  );
  return updated.length;
}

/** Live answers kept for the numbers: no person, and an open-text answer's words become empty (readers skip empty texts). */
export async function anonymizeLiveAnswers(tx: Db, answerIds: readonly number[]): Promise<number> {
  if (answerIds.length === 0) return 0;
  const updated = rowsOf<{ id: number }>(
    await tx.execute(sql`
      update live_answers a set user_id = null, value = case when p.kind = 'text' then '""'::jsonb else a.value end
      from live_polls p where p.id = a.poll_id and a.id = any(${bigintList(answerIds)})
      returning a.id`),
  );
  return updated.length;
}

/**
 * Deletes live posts. Their timeline events stay (a session's sequence has no gaps) but carry
 * nothing of the post: each becomes a "post.hidden" of its id, which a replaying client ignores.
 */
export async function deleteLivePosts(tx: Db, postIds: readonly string[]): Promise<number> {
  if (postIds.length === 0) return 0;
  const ids = sql`array(select unnest(${uuidList(postIds)})::text)`;
  await tx.execute(sql`
    update live_events set kind = 'post.hidden', payload = jsonb_build_object('postId', payload->>'postId'), actor_user_id = case when kind = 'post.created' then null else actor_user_id end
    where payload->>'postId' = any(${ids}) and kind in ('post.created', 'post.shown')`);
  const deleted = rowsOf<{ id: string }>(await tx.execute(sql`delete from live_posts where id = any(${uuidList(postIds)}) returning id`));
  return deleted.length;
}
