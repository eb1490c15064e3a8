import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { analyzeText } from "@/lib/text-analysis/analyze-text";
import { codingItemSourceJoins, codingItemText } from "./coding-item-text";

/*
 * The inbox reads coding items; this brings new texts into it: completed open-text answers (not a
 * frontline pulse's, which are never read one by one), participants' visible live posts and
 * field reports. Interview notes get their item when they are added. Each call takes a bounded
 * batch per source, so a large backlog fills over a few calls rather than in one long request.
 */

export const SYNC_BATCH = 500;
export const ANALYSIS_BATCH = 300;

export interface SyncResult {
  added: number;
  analyzed: number;
  /** Texts still waiting to be added or read; a later call takes them. */
  pending: number;
}

async function addNewItems(tx: Db, organizationId: string, batch: number): Promise<number> {
  const answers = await tx.execute(sql`
    insert into coding_items (organization_id, source, response_answer_id, program_id, speaker_user_id, attributes, said_at)
    select ra.organization_id, 'answer', ra.id, i.program_id, r.respondent_user_id, r.attributes, ra.submitted_at
    from response_answers ra
    join responses r on r.id = ra.response_id
    join instruments i on i.id = ra.instrument_id
    left join programs p on p.id = i.program_id
    where ra.organization_id = ${organizationId}::uuid and ra.text_value is not null and btrim(ra.text_value) <> ''
      and r.status = 'completed' and (p.kind is null or p.kind <> 'frontline')
      and not exists (select 1 from coding_items c where c.response_answer_id = ra.id)
    order by ra.id
    limit ${batch}
    on conflict do nothing
    returning id`);
  const posts = await tx.execute(sql`
    insert into coding_items (organization_id, source, live_post_id, program_id, speaker_user_id, attributes, said_at)
    select s.organization_id, 'live_post', lp.id, s.program_id, lp.user_id, m.attributes, lp.created_at
    from live_posts lp
    join live_sessions s on s.id = lp.session_id
    join memberships m on m.organization_id = s.organization_id and m.user_id = lp.user_id and m.role = 'participant'
    where s.organization_id = ${organizationId}::uuid and lp.status = 'visible' and btrim(lp.body) <> ''
      and not exists (select 1 from coding_items c where c.live_post_id = lp.id)
    order by lp.created_at, lp.id
    limit ${batch}
    on conflict do nothing
    returning id`);
  const reports = await tx.execute(sql`
    insert into coding_items (organization_id, source, field_report_id, speaker_user_id, attributes, said_at)
    select fr.organization_id, 'field_report', fr.id, fr.author_user_id, jsonb_strip_nulls(jsonb_build_object('team', fr.team, 'location', fr.location)), fr.created_at
    from field_reports fr
    where fr.organization_id = ${organizationId}::uuid and btrim(fr.body) <> ''
      and not exists (select 1 from coding_items c where c.field_report_id = fr.id)
    order by fr.created_at, fr.id
    limit ${batch}
    on conflict do nothing
    returning id`);
  const notes = await tx.execute(sql`
    insert into coding_items (organization_id, source, interview_note_id, program_id, speaker_user_id, attributes, said_at)
    select n.organization_id, 'interview', n.id, n.program_id, n.participant_user_id, n.attributes, n.interviewed_on::timestamptz
    from interview_notes n
    where n.organization_id = ${organizationId}::uuid
      and not exists (select 1 from coding_items c where c.interview_note_id = n.id)
    order by n.created_at, n.id
    limit ${batch}
    on conflict do nothing
    returning id`);
  return [answers, posts, reports, notes].reduce<number>((sum, result) => sum + rowsOf(result).length, 0);
}

/** Reads language, sentiment and key phrases of items not read yet; all on this server. */
export async function analyzePendingItems(tx: Db, organizationId: string, batch = ANALYSIS_BATCH): Promise<number> {
  const pending = rowsOf<{ id: string; text: string | null }>(
    await tx.execute(sql`
      select c.id, ${codingItemText} as text
      from coding_items c ${codingItemSourceJoins("c")}
      where c.organization_id = ${organizationId}::uuid and c.analyzed_at is null
      order by c.said_at, c.id
      limit ${batch}`),
  );
  if (pending.length === 0) return 0;
  const analyses = pending.map(({ id, text }) => {
    const analysis = analyzeText(text ?? "");
    return { id, language: analysis.language, sentiment: analysis.sentiment?.label ?? null, score: analysis.sentiment?.score ?? null, keyPhrases: analysis.keyPhrases };
  });
  await tx.execute(sql`
    update coding_items c set
      language = a.language,
      sentiment = a.sentiment::sentiment,
      sentiment_score = a.score,
      sentiment_status = case when a.sentiment is null then null else 'open'::suggestion_status end,
      key_phrases = array(select jsonb_array_elements_text(a.key_phrases)),
      analyzed_at = now()
    from jsonb_to_recordset(${JSON.stringify(analyses)}::jsonb) as a(id uuid, language text, sentiment text, score real, key_phrases jsonb)
    where c.id = a.id and c.analyzed_at is null`);
  return analyses.length;
}

async function countPending(tx: Db, organizationId: string): Promise<number> {
  const [row] = rowsOf<{ pending: number }>(
    await tx.execute(sql`
      select (select count(*) from coding_items where organization_id = ${organizationId}::uuid and analyzed_at is null)
        + (select count(*) from response_answers ra join responses r on r.id = ra.response_id join instruments i on i.id = ra.instrument_id left join programs p on p.id = i.program_id
            where ra.organization_id = ${organizationId}::uuid and ra.text_value is not null and btrim(ra.text_value) <> '' and r.status = 'completed' and (p.kind is null or p.kind <> 'frontline')
              and not exists (select 1 from coding_items c where c.response_answer_id = ra.id))
        + (select count(*) from live_posts lp join live_sessions s on s.id = lp.session_id join memberships m on m.organization_id = s.organization_id and m.user_id = lp.user_id and m.role = 'participant'
            where s.organization_id = ${organizationId}::uuid and lp.status = 'visible' and btrim(lp.body) <> '' and not exists (select 1 from coding_items c where c.live_post_id = lp.id))
        + (select count(*) from field_reports fr where fr.organization_id = ${organizationId}::uuid and btrim(fr.body) <> '' and not exists (select 1 from coding_items c where c.field_report_id = fr.id))
        as pending`),
  );
  return Number(row?.pending ?? 0);
}

/** Brings new texts into the inbox and reads them; safe to call from any number of instances at once. */
export async function syncCodingItems(db: Db, organizationId: string, { batch = SYNC_BATCH, analysisBatch = ANALYSIS_BATCH } = {}): Promise<SyncResult> {
  return db.transaction(async (tx) => {
    // One organization's sync at a time: two instances would only race to insert the same rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('coding.sync'), hashtext(${organizationId}))`);
    const added = await addNewItems(tx, organizationId, batch);
    const analyzed = await analyzePendingItems(tx, organizationId, analysisBatch);
    return { added, analyzed, pending: await countPending(tx, organizationId) };
  });
}
