import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { liveSessions, organizations, responses } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { DEMO_ORG_SLUG, seedDemo } from "./demo";
import { DEMO_LIVE_SESSION_TITLE } from "./live-history";

describe("demo live session", () => {
  const database = useTestDatabase();

  it("is an ended session whose tallies, timeline and stored responses agree with its answers", async () => {
    await database.inRollback(async (db) => {
      await seedDemo(db);
      const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
      const [session] = await db.select().from(liveSessions).where(eq(liveSessions.organizationId, org.id));
      expect(session).toMatchObject({ title: DEMO_LIVE_SESSION_TITLE, status: "ended" });

      const polls = rowsOf<{ kind: string; answers: number; languages: string }>(
        await db.execute(sql`select p.kind, count(a.id)::int as answers, string_agg(distinct a.locale::text, ',') as languages from live_polls p left join live_answers a on a.poll_id = p.id where p.session_id = ${session.id} group by p.kind, p.position order by p.position`),
      );
      expect(polls.map((poll) => [poll.kind, poll.languages])).toEqual([["single", "en,pl,ru"], ["scale", "en,pl,ru"], ["text", "en,pl,ru"]]);
      expect(polls[0].answers).toBeGreaterThanOrEqual(20);

      // Every tally equals a count of the answers it stands for.
      const mismatches = rowsOf(
        await db.execute(sql`
          select t.poll_id, t.attribute, t.attribute_value, t.bucket, t.n,
            (select count(*) from live_answers a where a.poll_id = t.poll_id
              and (t.attribute = '' or a.attributes ->> t.attribute = t.attribute_value)
              and (t.bucket = '_all' or a.value #>> '{}' = t.bucket)) as counted
          from live_poll_tallies t join live_polls p on p.id = t.poll_id where p.session_id = ${session.id}`),
      ).filter((row) => Number((row as { n: number }).n) !== Number((row as { counted: number }).counted));
      expect(mismatches).toEqual([]);

      const [events] = rowsOf<{ seqs: number[]; kinds: string[] }>(await db.execute(sql`select array_agg(seq order by seq) as seqs, array_agg(kind order by seq) as kinds from live_events where session_id = ${session.id}`));
      expect(events.seqs).toEqual(Array.from({ length: events.seqs.length }, (_, index) => index + 1));
      expect(session.lastEventSeq).toBe(events.seqs.length);
      expect(events.kinds[0]).toBe("session.started");
      expect(events.kinds.at(-1)).toBe("session.ended");
      expect(events.kinds.filter((kind) => kind === "post.created")).toHaveLength(8);

      const [{ answerers }] = rowsOf<{ answerers: number }>(await db.execute(sql`select count(distinct user_id)::int as answerers from live_answers where session_id = ${session.id}`));
      expect(session.instrumentId).not.toBeNull();
      expect(await db.select({ id: responses.id }).from(responses).where(eq(responses.instrumentId, session.instrumentId!))).toHaveLength(answerers);
    });
  });
});
