import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { liveEvents, livePosts, users } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { createLiveTeam, LIVE_LATER, LIVE_NOW } from "@/tests/live-session-factories";
import { createPanelMember, createSample } from "@/tests/poll-factories";
import { createLivePost } from "./create-live-post";
import { endLiveSession } from "./end-live-session";
import { highlightLivePost } from "./highlight-live-post";
import { hideLivePost } from "./hide-live-post";
import { scheduleLiveSession } from "./schedule-live-session";
import { FLOOD_MAX_POSTS } from "./schemas";
import { showLivePost } from "./show-live-post";
import { startLiveSession } from "./start-live-session";

async function liveSession(db: Db, { withSample = false } = {}) {
  const org = await createOrganization(db);
  const team = await createLiveTeam(db, org.id);
  const member = await createPanelMember(db, org.id, team.panel.id);
  await db.update(users).set({ name: "Ana Nowak" }).where(eq(users.id, member.userId));
  const sample = withSample ? await createSample(db, org.id, team.panel.id, [member.userId]) : undefined;
  const { sessionId } = await scheduleLiveSession(db, team.researcher.actor, org.id, { panelId: team.panel.id, sampleId: sample?.id, title: "Store hours", scheduledAt: LIVE_LATER.toISOString(), defaultLocale: "en" }, LIVE_NOW);
  return { org, orgRef: { id: org.id }, ...team, member, sessionId };
}

async function eventsOf(db: Db, sessionId: string) {
  return db.select({ kind: liveEvents.kind, payload: liveEvents.payload }).from(liveEvents).where(eq(liveEvents.sessionId, sessionId)).orderBy(asc(liveEvents.seq));
}

describe("the discussion thread", () => {
  const database = useTestDatabase();

  it("takes participants' posts while live, naming the author in the event, and lets moderators hide, show and highlight them", async () => {
    await database.inRollback(async (db) => {
      const { orgRef, researcher, member, sessionId } = await liveSession(db);
      await expect(createLivePost(db, member.actor, orgRef, { sessionId, body: "Too early?" }, LIVE_LATER)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionNotLive" });
      await startLiveSession(db, researcher.actor, orgRef, { sessionId }, LIVE_LATER);

      const { postId } = await createLivePost(db, member.actor, orgRef, { sessionId, body: "  <b>Open</b> on Sundays, please  " }, LIVE_LATER);
      await hideLivePost(db, researcher.actor, orgRef, { sessionId, postId });
      expect(await hideLivePost(db, researcher.actor, orgRef, { sessionId, postId })).toEqual({ changed: false });
      await showLivePost(db, researcher.actor, orgRef, { sessionId, postId });
      await highlightLivePost(db, researcher.actor, orgRef, { sessionId, postId, highlighted: true });
      await highlightLivePost(db, researcher.actor, orgRef, { sessionId, postId, highlighted: "false" });

      const [post] = await db.select().from(livePosts).where(eq(livePosts.id, postId));
      expect(post).toMatchObject({ body: "<b>Open</b> on Sundays, please", status: "visible", highlighted: false, userId: member.userId });
      const events = (await eventsOf(db, sessionId)).slice(1);
      expect(events).toEqual([
        { kind: "post.created", payload: { postId, body: "<b>Open</b> on Sundays, please", createdAt: LIVE_LATER.toISOString(), author: { userId: member.userId, name: "Ana Nowak" } } },
        { kind: "post.hidden", payload: { postId } },
        { kind: "post.shown", payload: { postId, body: "<b>Open</b> on Sundays, please", createdAt: LIVE_LATER.toISOString(), highlighted: false } },
        { kind: "post.highlighted", payload: { postId, highlighted: true } },
        { kind: "post.highlighted", payload: { postId, highlighted: false } },
      ]);

      await endLiveSession(db, researcher.actor, orgRef, { sessionId });
      await expect(createLivePost(db, member.actor, orgRef, { sessionId, body: "Still there?" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionEnded" });
      await expect(hideLivePost(db, researcher.actor, orgRef, { sessionId, postId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionEnded" });
    });
  });

  it("refuses empty and overlong posts, floods, and posts from outside the session's audience", async () => {
    await database.inRollback(async (db) => {
      const { org, orgRef, panel, researcher, leader, member, sessionId } = await liveSession(db, { withSample: true });
      await startLiveSession(db, researcher.actor, orgRef, { sessionId }, LIVE_LATER);
      const notInSample = await createPanelMember(db, org.id, panel.id);

      await expect(createLivePost(db, member.actor, orgRef, { sessionId, body: "   " }, LIVE_LATER)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "livePostEmpty" })] });
      await expect(createLivePost(db, member.actor, orgRef, { sessionId, body: "x".repeat(1001) }, LIVE_LATER)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "livePostTooLong" })] });
      await expect(createLivePost(db, member.actor, orgRef, { sessionId: "not-a-session", body: "Hello" }, LIVE_LATER)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createLivePost(db, notInSample.actor, orgRef, { sessionId, body: "Hello" }, LIVE_LATER)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createLivePost(db, researcher.actor, orgRef, { sessionId, body: "Hello" }, LIVE_LATER)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "liveOnlyParticipantsPost" });
      const other = await createOrganization(db);
      await expect(createLivePost(db, member.actor, { id: other.id }, { sessionId, body: "Hello" }, LIVE_LATER)).rejects.toMatchObject({ code: "NOT_FOUND" });

      for (let index = 0; index < FLOOD_MAX_POSTS; index++) await createLivePost(db, member.actor, orgRef, { sessionId, body: `Post ${index}` }, new Date(LIVE_LATER.getTime() + index * 1000));
      await expect(createLivePost(db, member.actor, orgRef, { sessionId, body: "One more" }, new Date(LIVE_LATER.getTime() + 5000))).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "livePostTooFast" });
      await expect(createLivePost(db, member.actor, orgRef, { sessionId, body: "Later" }, new Date(LIVE_LATER.getTime() + 10_500))).resolves.toMatchObject({ postId: expect.any(String) });

      const [post] = await db.select({ id: livePosts.id }).from(livePosts).where(eq(livePosts.sessionId, sessionId)).limit(1);
      await expect(hideLivePost(db, member.actor, orgRef, { sessionId, postId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(highlightLivePost(db, leader.actor, orgRef, { sessionId, postId: post.id, highlighted: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const otherSession = await liveSession(db);
      await expect(showLivePost(db, otherSession.researcher.actor, otherSession.orgRef, { sessionId, postId: post.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(hideLivePost(db, researcher.actor, orgRef, { sessionId: otherSession.sessionId, postId: post.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
