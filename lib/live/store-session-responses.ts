import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { instruments, liveAnswers, liveEvents, livePolls, liveSessions } from "@/db/schema";
import type { Answers, AnswerValue } from "@/lib/instruments/answers";
import { publishDraft } from "@/lib/instruments/publish-instrument";
import type { Job } from "@/lib/jobs/queue";
import { answerRows } from "@/lib/responses/answer-rows";
import { insertNewResponse } from "@/lib/responses/insert-new-response";
import { sessionDefinition } from "./session-definition";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const storeSessionJobSchema = z.object({ sessionId: z.uuid() });

/** Job LIVE_JOB.store, queued when a moderator ends a session. */
export async function storeSessionResponsesJob(db: Db, job: Job, now: Date): Promise<void> {
  const { sessionId } = storeSessionJobSchema.parse(job.payload);
  await storeSessionResponses(db, sessionId, now);
}

interface Participant {
  userId: string;
  answers: Answers;
  locale: "en" | "pl" | "ru";
  attributes: Record<string, string>;
  lastAnsweredAt: Date;
}

/**
 * Stores an ended session as ordinary responses: one instrument for the session (the panel's, not
 * open for answering) whose published version holds every poll, and one completed response per
 * participant who answered, with the typed rows KPIs and insights read. All in one transaction
 * under the session's lock; a session that already has its instrument is left alone, so a retried
 * or duplicated job changes nothing.
 */
export async function storeSessionResponses(db: Db | Tx, sessionId: string, now: Date): Promise<{ instrumentId: string; responses: number } | null> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ id: liveSessions.id, organizationId: liveSessions.organizationId, programId: liveSessions.programId, title: liveSessions.title, defaultLocale: liveSessions.defaultLocale, status: liveSessions.status, instrumentId: liveSessions.instrumentId, createdByUserId: liveSessions.createdByUserId })
      .from(liveSessions)
      .where(eq(liveSessions.id, sessionId))
      .for("update");
    if (!session || session.status !== "ended" || session.instrumentId) return null;
    const polls = await tx.select({ id: livePolls.id, definition: livePolls.definition }).from(livePolls).where(eq(livePolls.sessionId, session.id)).orderBy(asc(livePolls.position), asc(livePolls.id));
    // Nothing was asked: there is nothing an instrument could hold (publishing refuses an empty one).
    if (polls.length === 0) return null;

    const { definition, questionIds } = sessionDefinition(session.title, session.defaultLocale, polls);
    const [ender] = await tx.select({ userId: liveEvents.actorUserId }).from(liveEvents).where(and(eq(liveEvents.sessionId, session.id), eq(liveEvents.kind, "session.ended"))).orderBy(desc(liveEvents.seq)).limit(1);
    const publishedByUserId = ender?.userId ?? session.createdByUserId;
    const [instrument] = await tx
      .insert(instruments)
      .values({ organizationId: session.organizationId, name: session.title, draft: definition, programId: session.programId, audience: ["participant"], isOpen: false, createdByUserId: publishedByUserId, createdAt: now, updatedAt: now })
      .returning({ id: instruments.id });
    const version = await publishDraft(tx, { organizationId: session.organizationId, instrumentId: instrument.id, publishedByUserId, now });

    const participants = await participantsOf(tx, session.id, questionIds);
    for (const participant of participants) {
      await insertNewResponse(tx as unknown as Db, {
        id: randomUUID(),
        organizationId: session.organizationId,
        instrumentId: instrument.id,
        instrumentVersionId: version.id,
        respondentUserId: participant.userId,
        status: "completed",
        locale: participant.locale,
        answers: participant.answers,
        attributes: participant.attributes,
        rows: answerRows(definition, participant.answers),
        now: participant.lastAnsweredAt,
      });
    }
    await tx.update(liveSessions).set({ instrumentId: instrument.id }).where(eq(liveSessions.id, session.id));
    return { instrumentId: instrument.id, responses: participants.length };
  });
}

/** Each participant's answers keyed by the instrument's question ids; language and attributes as of their last answer. */
async function participantsOf(tx: Tx, sessionId: string, questionIds: Map<string, string>): Promise<Participant[]> {
  const answers = await tx
    .select({ pollId: liveAnswers.pollId, userId: liveAnswers.userId, value: liveAnswers.value, attributes: liveAnswers.attributes, locale: liveAnswers.locale, answeredAt: liveAnswers.answeredAt })
    .from(liveAnswers)
    .where(eq(liveAnswers.sessionId, sessionId))
    .orderBy(asc(liveAnswers.answeredAt), asc(liveAnswers.id));
  const byUser = new Map<string, Participant>();
  for (const answer of answers) {
    // An account deleted since the session leaves answers nobody can be a respondent of.
    if (!answer.userId) continue;
    const questionId = questionIds.get(answer.pollId);
    if (!questionId) continue;
    const participant = byUser.get(answer.userId) ?? { userId: answer.userId, answers: {}, locale: answer.locale, attributes: {}, lastAnsweredAt: answer.answeredAt };
    participant.answers[questionId] = answer.value as AnswerValue;
    participant.locale = answer.locale;
    participant.attributes = answer.attributes;
    participant.lastAnsweredAt = answer.answeredAt;
    byUser.set(answer.userId, participant);
  }
  return [...byUser.values()];
}
