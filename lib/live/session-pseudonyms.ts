import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/**
 * Names for a session's participants in exports: P01, P02… in the order they first answered or
 * posted, so the same person keeps the same name in every export of the session and no export
 * carries an email or a name.
 */
export async function sessionPseudonyms(db: Db, sessionId: string): Promise<Map<string, string>> {
  const people = rowsOf<{ userId: string }>(
    await db.execute(sql`
      select user_id as "userId" from (
        select user_id, answered_at as at from live_answers where session_id = ${sessionId}::uuid and user_id is not null
        union all
        select user_id, created_at as at from live_posts where session_id = ${sessionId}::uuid and user_id is not null
      ) activity
      group by user_id
      order by min(at), user_id`),
  );
  const width = Math.max(2, String(people.length).length);
  return new Map(people.map((person, index) => [person.userId, `P${String(index + 1).padStart(width, "0")}`]));
}
