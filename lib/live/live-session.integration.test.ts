import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, devMailbox, jobs, liveEvents, livePolls, liveSessions, users } from "@/db/schema";
import { runDueJobs } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/jobs/handlers";
import { useTestDatabase } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { createLiveTeam, LIVE_LATER, LIVE_NOW, livePollContent } from "@/tests/live-session-factories";
import { createPanelMember, createSample } from "@/tests/poll-factories";
import { addLivePoll } from "./add-live-poll";
import { closeLivePoll } from "./close-live-poll";
import { deleteLivePoll } from "./delete-live-poll";
import { editLivePoll } from "./edit-live-poll";
import { endLiveSession } from "./end-live-session";
import { LIVE_JOB } from "./jobs";
import { listLivePolls } from "./list-live-polls";
import { listMyLiveSessions } from "./list-my-live-sessions";
import { listPanelLiveSessions } from "./list-panel-live-sessions";
import { listWatchableLiveSessions } from "./list-watchable-live-sessions";
import { moveLivePoll } from "./move-live-poll";
import { pushLivePoll } from "./push-live-poll";
import { scheduleLiveSession } from "./schedule-live-session";
import { startLiveSession } from "./start-live-session";

async function eventsOf(db: Db, sessionId: string) {
  return db.select({ seq: liveEvents.seq, kind: liveEvents.kind, payload: liveEvents.payload }).from(liveEvents).where(eq(liveEvents.sessionId, sessionId)).orderBy(asc(liveEvents.seq));
}

async function scheduledSession(db: Db) {
  const org = await createOrganization(db);
  const team = await createLiveTeam(db, org.id);
  const { sessionId } = await scheduleLiveSession(db, team.researcher.actor, org.id, { panelId: team.panel.id, title: "Store hours", scheduledAt: "2027-03-01T10:00", defaultLocale: "en" }, LIVE_NOW);
  return { org, ...team, sessionId };
}

describe("scheduling a live session", () => {
  const database = useTestDatabase();

  it("stores the session at the UTC time given, queues one invitation job and mails each active member in their language", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, sessionId } = await scheduledSession(db);
      const ana = await createPanelMember(db, org.id, panel.id);
      const olga = await createPanelMember(db, org.id, panel.id);
      await db.update(users).set({ locale: "ru" }).where(eq(users.id, olga.userId));
      const gone = await createPanelMember(db, org.id, panel.id, {}, "left");

      const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      expect(session).toMatchObject({ status: "scheduled", scheduledAt: LIVE_LATER, title: "Store hours", lastEventSeq: 0 });
      const queued = await db.select({ kind: jobs.kind, payload: jobs.payload, dedupeKey: jobs.dedupeKey }).from(jobs).where(eq(jobs.kind, LIVE_JOB.invite));
      expect(queued).toEqual([{ kind: LIVE_JOB.invite, payload: { sessionId }, dedupeKey: `${LIVE_JOB.invite}:${sessionId}` }]);
      expect(await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, sessionId))).toEqual([{ action: "live_session.scheduled" }]);

      await runDueJobs(db, jobHandlers, LIVE_NOW);
      const mails = await db.select({ to: devMailbox.to, subject: devMailbox.subject, text: devMailbox.text }).from(devMailbox);
      const toAna = mails.filter((mail) => mail.to === ana.email);
      const toOlga = mails.filter((mail) => mail.to === olga.email);
      expect(toAna).toHaveLength(1);
      expect(toAna[0].text).toContain(`/o/${org.slug}/live/${sessionId}`);
      expect(toAna[0].subject).toContain("Store hours");
      expect(toOlga[0].subject).toContain("живой сессии");
      expect(mails.some((mail) => mail.to === gone.email)).toBe(false);
    });
  });

  it("invites only the members of the sample, and lists the session for them and not for others", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createLiveTeam(db, org.id);
      const inSample = await createPanelMember(db, org.id, panel.id);
      const outside = await createPanelMember(db, org.id, panel.id);
      const sample = await createSample(db, org.id, panel.id, [inSample.userId]);
      const { sessionId } = await scheduleLiveSession(db, researcher.actor, org.id, { panelId: panel.id, sampleId: sample.id, title: "Sample talk", scheduledAt: LIVE_LATER.toISOString(), defaultLocale: "pl" }, LIVE_NOW);

      await runDueJobs(db, jobHandlers, LIVE_NOW);
      const recipients = (await db.select({ to: devMailbox.to }).from(devMailbox)).map((mail) => mail.to);
      expect(recipients).toContain(inSample.email);
      expect(recipients).not.toContain(outside.email);
      expect((await listMyLiveSessions(db, inSample.actor, { id: org.id })).map((session) => session.id)).toEqual([sessionId]);
      expect(await listMyLiveSessions(db, outside.actor, { id: org.id })).toEqual([]);
    });
  });

  it("refuses a time in the past, a short title, participants and leaders, and another organization's panel", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher, leader } = await createLiveTeam(db, org.id);
      const member = await createPanelMember(db, org.id, panel.id);
      const other = await createOrganization(db);
      const otherTeam = await createLiveTeam(db, other.id);
      const input = { panelId: panel.id, title: "Store hours", scheduledAt: LIVE_LATER.toISOString(), defaultLocale: "en" as const };

      await expect(scheduleLiveSession(db, researcher.actor, org.id, { ...input, scheduledAt: "2027-03-01T08:59" }, LIVE_NOW)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { scheduledAt: "liveScheduledInPast" } });
      await expect(scheduleLiveSession(db, researcher.actor, org.id, { ...input, title: "x" }, LIVE_NOW)).rejects.toThrow();
      await expect(scheduleLiveSession(db, member.actor, org.id, input, LIVE_NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(scheduleLiveSession(db, leader.actor, org.id, input, LIVE_NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(scheduleLiveSession(db, researcher.actor, org.id, { ...input, panelId: otherTeam.panel.id }, LIVE_NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(scheduleLiveSession(db, otherTeam.researcher.actor, org.id, input, LIVE_NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.select().from(liveSessions).where(eq(liveSessions.programId, panel.id))).toEqual([]);
    });
  });

  it("lists a panel's sessions for moderators and the sessions worth watching for leaders", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, leader, sessionId } = await scheduledSession(db);
      await addLivePoll(db, researcher.actor, { id: org.id }, { sessionId, ...livePollContent.single });
      expect(await listPanelLiveSessions(db, researcher.actor, org.id, { panelId: panel.id })).toEqual([expect.objectContaining({ id: sessionId, status: "scheduled", pollCount: 1 })]);
      await expect(listPanelLiveSessions(db, leader.actor, org.id, { panelId: panel.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await listWatchableLiveSessions(db, leader.actor, { id: org.id }, LIVE_NOW)).map((session) => session.id)).toEqual([sessionId]);
      expect(await listWatchableLiveSessions(db, leader.actor, { id: org.id }, new Date("2027-02-20T00:00:00Z"))).toEqual([]);
    });
  });
});

describe("preparing polls", () => {
  const database = useTestDatabase();

  it("adds polls of every kind in order, edits and deletes drafts, reorders, each with a polls.changed event", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, sessionId } = await scheduledSession(db);
      const orgRef = { id: org.id };
      const first = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.single });
      const second = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.scale });
      const third = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.text });
      const concept = await addLivePoll(db, researcher.actor, orgRef, { sessionId, kind: "stimulus", defaultLocale: "en", prompt: "How does this feel?", stimulusCopy: "Open on Sundays", choices: ["Great", "Meh"] });
      expect([first.position, second.position, third.position, concept.position]).toEqual([1, 2, 3, 4]);

      await editLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: first.pollId, ...livePollContent.single, prompt: "Which opening hours suit you?" });
      await moveLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: third.pollId, direction: "up" });
      expect(await moveLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: first.pollId, direction: "up" })).toEqual({ moved: false });
      await deleteLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: concept.pollId });

      const polls = await listLivePolls(db, researcher.actor, orgRef, { sessionId });
      expect(polls.map((poll) => [poll.pollId, poll.kind, poll.status])).toEqual([
        [first.pollId, "single", "draft"],
        [third.pollId, "text", "draft"],
        [second.pollId, "scale", "draft"],
      ]);
      expect(polls[0].definition.questions[0].prompt).toEqual({ en: "Which opening hours suit you?", pl: "Które godziny Ci odpowiadają?" });
      const events = await eventsOf(db, sessionId);
      expect(events.map((event) => [event.seq, event.kind])).toEqual([1, 2, 3, 4, 5, 6, 7].map((seq) => [seq, "polls.changed"]));
      const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, org.id))).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(["live_poll.added", "live_poll.edited", "live_poll.reordered", "live_poll.deleted"]));
    });
  });

  it("refuses invalid content, changing a pushed poll, other sessions' polls, and non-moderators", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, leader, sessionId } = await scheduledSession(db);
      const orgRef = { id: org.id };
      const member = await createPanelMember(db, org.id, panel.id);
      await expect(addLivePoll(db, researcher.actor, orgRef, { sessionId, kind: "single", defaultLocale: "en", prompt: "Which one?", choices: ["Only"] })).rejects.toThrow();
      await expect(addLivePoll(db, member.actor, orgRef, { sessionId, ...livePollContent.single })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(addLivePoll(db, leader.actor, orgRef, { sessionId, ...livePollContent.single })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const other = await scheduledSession(db);
      await expect(addLivePoll(db, other.researcher.actor, { id: other.org.id }, { sessionId, ...livePollContent.single })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const otherPoll = await addLivePoll(db, other.researcher.actor, { id: other.org.id }, { sessionId: other.sessionId, ...livePollContent.single });
      await expect(deleteLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: otherPoll.pollId })).rejects.toMatchObject({ code: "NOT_FOUND" });

      const poll = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.single });
      await startLiveSession(db, researcher.actor, orgRef, { sessionId }, LIVE_LATER);
      await pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: poll.pollId }, LIVE_LATER);
      await expect(editLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: poll.pollId, ...livePollContent.single })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "livePollNotDraft" });
      await expect(deleteLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: poll.pollId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "livePollNotDraft" });
    });
  });
});

describe("running a session", () => {
  const database = useTestDatabase();

  it("starts, pushes polls one at a time, closes and ends, with events in order and the store job queued", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, sessionId } = await scheduledSession(db);
      const orgRef = { id: org.id };
      const single = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.single });
      const scale = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.scale });
      const text = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.text });

      await startLiveSession(db, researcher.actor, orgRef, { sessionId }, LIVE_LATER);
      await pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: single.pollId }, LIVE_LATER);
      await pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: scale.pollId }, LIVE_LATER);
      expect((await db.select({ current: liveSessions.currentPollId }).from(liveSessions).where(eq(liveSessions.id, sessionId)))[0].current).toBe(scale.pollId);
      await closeLivePoll(db, researcher.actor, orgRef, { sessionId }, LIVE_LATER);
      await expect(closeLivePoll(db, researcher.actor, orgRef, { sessionId }, LIVE_LATER)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveNoOpenPoll" });
      await expect(pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: single.pollId }, LIVE_LATER)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "livePollAlreadyPushed" });
      await pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: text.pollId }, LIVE_LATER);
      const ended = new Date("2027-03-01T11:00:00Z");
      await endLiveSession(db, researcher.actor, orgRef, { sessionId }, ended);

      const events = (await eventsOf(db, sessionId)).slice(3);
      expect(events.map((event) => [event.seq, event.kind])).toEqual([
        [4, "session.started"],
        [5, "poll.opened"],
        [6, "poll.closed"],
        [7, "poll.opened"],
        [8, "poll.closed"],
        [9, "poll.opened"],
        [10, "poll.closed"],
        [11, "session.ended"],
      ]);
      expect(events[0].payload).toEqual({ startedAt: LIVE_LATER.toISOString() });
      expect(events[1].payload).toMatchObject({ pollId: single.pollId, position: 1, kind: "single", definition: { defaultLocale: "en" } });
      expect(events[2].payload).toEqual({ pollId: single.pollId });
      expect(events[6].payload).toEqual({ pollId: text.pollId });
      expect(events[7].payload).toEqual({ endedAt: ended.toISOString() });

      const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      expect(session).toMatchObject({ status: "ended", endedAt: ended, currentPollId: null, lastEventSeq: 11 });
      expect((await db.select({ status: livePolls.status }).from(livePolls).where(eq(livePolls.sessionId, sessionId))).every((poll) => poll.status === "closed")).toBe(true);
      const stored = await db.select({ payload: jobs.payload, dedupeKey: jobs.dedupeKey, runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.kind, LIVE_JOB.store), eq(jobs.organizationId, org.id)));
      expect(stored).toEqual([{ payload: { sessionId }, dedupeKey: `${LIVE_JOB.store}:${sessionId}`, runAt: ended }]);
      const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, org.id))).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(["live_session.started", "live_poll.pushed", "live_poll.closed", "live_session.ended"]));
    });
  });

  it("refuses bad transitions and non-moderators", async () => {
    await database.inRollback(async (db) => {
      const { org, panel, researcher, leader, sessionId } = await scheduledSession(db);
      const orgRef = { id: org.id };
      const member = await createPanelMember(db, org.id, panel.id);
      const poll = await addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.single });

      await expect(pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: poll.pollId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionNotLive" });
      await expect(endLiveSession(db, researcher.actor, orgRef, { sessionId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionNotLive" });
      await expect(startLiveSession(db, member.actor, orgRef, { sessionId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(startLiveSession(db, leader.actor, orgRef, { sessionId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const other = await scheduledSession(db);
      await expect(startLiveSession(db, other.researcher.actor, { id: other.org.id }, { sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await startLiveSession(db, researcher.actor, orgRef, { sessionId });
      await expect(startLiveSession(db, researcher.actor, orgRef, { sessionId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionAlreadyLive" });
      await endLiveSession(db, researcher.actor, orgRef, { sessionId });
      await expect(pushLivePoll(db, researcher.actor, orgRef, { sessionId, pollId: poll.pollId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionEnded" });
      await expect(startLiveSession(db, researcher.actor, orgRef, { sessionId })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionEnded" });
      await expect(addLivePoll(db, researcher.actor, orgRef, { sessionId, ...livePollContent.scale })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "liveSessionEnded" });
      expect((await eventsOf(db, sessionId)).map((event) => event.kind)).toEqual(["polls.changed", "session.started", "session.ended"]);
    });
  });
});
