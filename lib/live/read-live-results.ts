import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import type { LiveResults, LiveTexts } from "./events";
import { liveResultsFromTallies, type TallyRow } from "./live-results";

/** A poll's live results for each audience that may see them (participants see none). */
export interface LivePollResults {
  pollId: string;
  /** An open-text poll: its answers also stream to viewers as texts. */
  isText: boolean;
  moderator: LiveResults;
  observer: LiveResults;
}

interface PollTallyRow {
  pollId: string;
  questionType: string | null;
  minGroupSize: number;
  tallies: Array<[string, string, string, number]> | null;
}

function toResults(row: PollTallyRow): LivePollResults {
  const tallies: TallyRow[] = (row.tallies ?? []).map(([attribute, attributeValue, bucket, n]) => ({ attribute, attributeValue, bucket, n: Number(n) }));
  const options = { isScale: row.questionType === "scale", minGroupSize: Number(row.minGroupSize) };
  return {
    pollId: row.pollId,
    isText: row.questionType === "text",
    moderator: liveResultsFromTallies(row.pollId, tallies, { ...options, audience: "moderator" }),
    observer: liveResultsFromTallies(row.pollId, tallies, { ...options, audience: "observer" }),
  };
}

/**
 * Results from the running tallies (never from the answers), for one poll or every pushed poll of
 * a session, in one statement: the question type and the organization's group minimum come along.
 */
async function readResults(db: Db, where: ReturnType<typeof sql>): Promise<LivePollResults[]> {
  const rows = rowsOf<PollTallyRow>(
    await db.execute(sql`
      select p.id as "pollId", o.min_group_size as "minGroupSize",
        (select q ->> 'type' from jsonb_array_elements(p.definition -> 'questions') q where q ->> 'id' = ${POLL_QUESTION_ID} limit 1) as "questionType",
        (select json_agg(json_build_array(t.attribute, t.attribute_value, t.bucket, t.n)) from live_poll_tallies t where t.poll_id = p.id) as tallies
      from live_polls p join organizations o on o.id = p.organization_id
      where ${where} order by p.position, p.id`),
  );
  return rows.map(toResults);
}

export async function readLivePollResults(db: Db, pollId: string): Promise<LivePollResults | null> {
  const [results] = await readResults(db, sql`p.id = ${pollId}::uuid`);
  return results ?? null;
}

/** Every poll pushed so far in the session (open or closed): what a viewer sees on connecting. */
export function readLiveSessionResults(db: Db, sessionId: string): Promise<LivePollResults[]> {
  return readResults(db, sql`p.session_id = ${sessionId}::uuid and p.status <> 'draft'`);
}

/**
 * Open-text answers of a poll after an answer id, oldest first, without who wrote them; with no id,
 * the latest `limit`. Only new rows are read, never the whole poll again.
 */
export async function readLiveTexts(db: Db, pollId: string, afterId: number | null, limit: number): Promise<LiveTexts["texts"]> {
  const rows = rowsOf<{ id: number; text: string | null }>(
    afterId === null
      ? await db.execute(sql`select id, text from (select id, value #>> '{}' as text from live_answers where poll_id = ${pollId}::uuid order by id desc limit ${limit}) latest order by id`)
      : await db.execute(sql`select id, value #>> '{}' as text from live_answers where poll_id = ${pollId}::uuid and id > ${afterId} order by id limit ${limit}`),
  );
  return rows.filter((row) => typeof row.text === "string" && row.text !== "").map((row) => ({ id: Number(row.id), text: row.text! }));
}
