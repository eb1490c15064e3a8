import { sql, type SQL } from "drizzle-orm";

/*
 * A coding item's words live in its source; every read of an item joins them through here, so
 * nothing holds a second copy that erasure or retention could miss.
 */

/** Left joins from `coding_items <alias>` to each possible source of its text. */
export function codingItemSourceJoins(alias = "c"): SQL {
  const item = sql.raw(alias);
  return sql`
    left join response_answers src_answer on src_answer.id = ${item}.response_answer_id
    left join live_posts src_post on src_post.id = ${item}.live_post_id
    left join field_reports src_report on src_report.id = ${item}.field_report_id
    left join interview_notes src_note on src_note.id = ${item}.interview_note_id`;
}

/** The item's text, given `codingItemSourceJoins`. */
export const codingItemText: SQL = sql`coalesce(src_answer.text_value, src_post.body, src_report.body, src_note.body)`;
