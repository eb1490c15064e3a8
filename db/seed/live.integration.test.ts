import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { livePolls, liveSessions, organizations, programs } from "@/db/schema";
import { definitionSchema } from "@/lib/instruments/definition";
import { missingTranslations } from "@/lib/instruments/translations";
import { useTestDatabase } from "@/tests/db";
import { DEMO_ORG_SLUG, seedDemo } from "./demo";
import { DEMO_LIVE_SESSION_TITLE } from "./live";

describe("demo live session", () => {
  const database = useTestDatabase();

  it("schedules an upcoming session of the customer panel with a single-choice, a scale and an open poll, fully translated", async () => {
    await database.inRollback(async (db) => {
      const before = new Date();
      await seedDemo(db);
      const [session] = await db
        .select({ id: liveSessions.id, status: liveSessions.status, scheduledAt: liveSessions.scheduledAt, panel: programs.name })
        .from(liveSessions)
        .innerJoin(programs, eq(programs.id, liveSessions.programId))
        .innerJoin(organizations, eq(organizations.id, liveSessions.organizationId))
        .where(and(eq(organizations.slug, DEMO_ORG_SLUG), eq(liveSessions.title, DEMO_LIVE_SESSION_TITLE)));
      expect(session).toMatchObject({ status: "scheduled", panel: "Northwind customer panel" });
      expect(session.scheduledAt.getTime()).toBeGreaterThan(before.getTime());

      const polls = await db.select({ kind: livePolls.kind, status: livePolls.status, definition: livePolls.definition }).from(livePolls).where(eq(livePolls.sessionId, session.id)).orderBy(asc(livePolls.position));
      expect(polls.map((poll) => [poll.kind, poll.status])).toEqual([["single", "draft"], ["scale", "draft"], ["text", "draft"]]);
      for (const poll of polls) {
        const definition = definitionSchema.parse(poll.definition);
        expect(missingTranslations(definition, ["en", "pl", "ru"])).toEqual([]);
      }
    });
  });
});
