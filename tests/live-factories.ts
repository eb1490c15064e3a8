import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { livePolls, liveSessions, programMembers, type MemberProfile } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { appendLiveEvent } from "@/lib/live/append-event";
import { submitLiveAnswer } from "@/lib/live/submit-live-answer";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { pollContentSchema } from "@/lib/polls/schemas";
import { createMember, createOrganization } from "./factories";
import { createPanel } from "./poll-factories";

/** A live session of a new panel, already started; polls and participants are added below. */
export async function createLiveSession(db: Db, title = "Store of the future") {
  const org = await createOrganization(db);
  const { panel, researcher } = await createPanel(db, org.id);
  const [session] = await db
    .insert(liveSessions)
    .values({ organizationId: org.id, programId: panel.id, title, defaultLocale: "en", scheduledAt: new Date("2026-10-01T09:00:00Z"), status: "live", startedAt: new Date("2026-10-01T09:01:00Z"), createdByUserId: researcher.userId })
    .returning();
  await appendLiveEvent(db, { sessionId: session.id, kind: "session.started", payload: { startedAt: "2026-10-01T09:01:00Z" }, actorUserId: researcher.userId });
  return { org, panel, researcher, session };
}

/** An open poll of the session, built as the moderator's form builds it. */
export async function addLivePoll(db: Db, session: { id: string; organizationId: string }, position: number, content: Record<string, unknown>) {
  const parsed = pollContentSchema.parse({ defaultLocale: "en", ...content });
  const [poll] = await db.insert(livePolls).values({ sessionId: session.id, organizationId: session.organizationId, position, kind: parsed.kind, definition: buildPollDefinition(parsed), status: "open", openedAt: new Date("2026-10-01T09:05:00Z") }).returning();
  return poll;
}

/** A panel member with a profile and a language of their own. */
export async function createLiveParticipant(db: Db, orgId: string, panelId: string, locale: Locale, profile: MemberProfile = {}, name = "Test Person") {
  const member = await createMember(db, orgId, "participant", { locale, name });
  await db.insert(programMembers).values({ programId: panelId, organizationId: orgId, userId: member.userId, status: "active", profile });
  return member;
}

/** Answers as the participant would, through the same use case (tallies included). */
export async function answerLive(db: Db, member: { actor: { userId: string } }, session: { id: string; organizationId: string }, pollId: string, value: unknown) {
  await submitLiveAnswer(db, member.actor, { id: session.organizationId }, { sessionId: session.id, pollId, value });
}

/** Ends the session as the moderator's action does: polls closed, status and the timeline's last event. */
export async function endLiveSession(db: Db, session: { id: string }, actorUserId: string, endedAt = new Date("2026-10-01T10:00:00Z")) {
  await db.update(livePolls).set({ status: "closed", closedAt: endedAt }).where(eq(livePolls.sessionId, session.id));
  await db.update(liveSessions).set({ status: "ended", endedAt, currentPollId: null }).where(eq(liveSessions.id, session.id));
  await appendLiveEvent(db, { sessionId: session.id, kind: "session.ended", payload: { endedAt: endedAt.toISOString() }, actorUserId });
}
