import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { rowsOf } from "@/db/rows";
import { campaigns, codingItems, codingTags, decisions, highlights, highlightTags, insightEvidence, insights, interviewNotes, liveSessions, programCycles, programMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { DAY_MS } from "@/lib/clock";
import { syncCodingItems } from "@/lib/coding/sync-coding-items";
import { getCycleDetail } from "@/lib/cycles/get-cycle-detail";
import type { DecisionEvidence } from "@/lib/decisions/evidence";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { appendLiveEvent } from "@/lib/live/append-event";
import { createLivePost } from "@/lib/live/create-live-post";
import { sendMail } from "@/lib/mail/send-mail";
import { saveMemo } from "@/lib/memos/save-memo";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import { saveResponse } from "@/lib/responses/save-response";
import { answerConsent } from "@/tests/consent-factories";
import { createCouncilMember, createProgramWithTemplate } from "@/tests/cycle-factories";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { addLivePoll, answerLive } from "@/tests/live-factories";
import { livePollContent } from "@/tests/live-session-factories";


export const OPENS = new Date("2027-01-05T08:00:00Z");

/**
 * A council whose first session ran with four members who all answered (numbers and free text),
 * closed, with a published memo and a decision quoting the person, a live session where they
 * answered and posted, an interview note about them, their words coded and cited by an insight,
 * consent records, audit entries and mail. Returns what the tests look for.
 */
export async function councilWithPerson(db: Db, { policy = "keep_anonymous" as "keep_anonymous" | "delete", tag = randomUUID().slice(0, 8) } = {}) {
  const org = await createOrganization(db, { minGroupSize: 3, minCommentGroupSize: 3, erasurePolicy: policy });
  await ensureBuiltInKpis(db, org.id);
  const admin = await createMember(db, org.id, "admin");
  const { program, researcher } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS });
  const person = await createMember(db, org.id, "participant", { name: `Zofia Erasable ${tag}`, email: `zofia-${tag}@example.test` });
  await db.insert(programMembers).values({ programId: program.id, organizationId: org.id, userId: person.userId, status: "active" });
  // They agreed to research use and to being quoted, so a memo and a decision may quote them.
  await answerConsent(db, org.id, program.id, person.userId, ["research", "quotes"]);
  const others = [await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id)];
  await planNextCycle(db, program.id);
  await runDueJobs(db, jobHandlers, OPENS);
  const [cycle] = await db.select().from(programCycles).where(eq(programCycles.programId, program.id)).orderBy(programCycles.sequence);
  const texts = { partial: `Zofia partial ${tag}`, comment: `Zofia private words ${tag}`, other: `Zofia other text ${tag}`, post: `Zofia posted this ${tag}`, live: `Zofia live text ${tag}`, interview: `Zofia told us in the interview ${tag}` };
  const answerAt = new Date(OPENS.getTime() + DAY_MS);
  await saveResponse(db, person.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: cycle.instrumentId!, locale: "en", answers: { nps: 3, emp: 2, depts: { choiceIds: ["shoes"], other: texts.other }, comment: texts.comment } }, { complete: true }, answerAt);
  for (const [index, member] of others.entries()) {
    await saveResponse(db, member.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: cycle.instrumentId!, locale: "en", answers: { nps: 7 + index, emp: 4, comment: `Another voice ${index} ${tag}` } }, { complete: true }, answerAt);
  }
  // An answer never submitted: in-progress responses go under either policy.
  const open = await createOpenInstrument(db, org.id);
  await saveResponse(db, person.actor, { id: org.id }, { responseId: randomUUID(), instrumentId: open.instrumentId, locale: "en", answers: { nps: 5, comment: texts.partial } }, { complete: false }, answerAt);
  await runDueJobs(db, jobHandlers, new Date(OPENS.getTime() + 14 * DAY_MS));

  const detail = await getCycleDetail(db, researcher.actor, org.id, program.id, cycle.id);
  const theirs = detail.answers.find((answer) => answer.text === texts.comment)!;
  const another = detail.answers.find((answer) => answer.text === `Another voice 0 ${tag}`)!;
  await saveMemo(db, researcher.actor, org.id, program.id, { cycleId: cycle.id, title: "What we heard", body: "Waiting hurts.", quotes: [{ responseId: theirs.responseId, questionId: "comment" }, { responseId: another.responseId, questionId: "comment" }], intent: "publish" });

  const [campaign] = await db.insert(campaigns).values({ organizationId: org.id, name: "Winter", createdByUserId: admin.userId }).returning({ id: campaigns.id });
  const evidence: DecisionEvidence = {
    version: 1,
    items: [
      { type: "kpi", key: "nps", name: "NPS", isBuiltIn: true, aggregation: "nps", period: "quarterly", periodStart: "2027-01-01", value: null, target: null },
      { type: "quote", testId: randomUUID(), conceptTitle: "Warm", text: texts.comment, responseId: theirs.responseId },
      { type: "quote", testId: randomUUID(), conceptTitle: "Warm", text: texts.other },
      { type: "quote", testId: randomUUID(), conceptTitle: "Warm", text: another.text, responseId: another.responseId },
    ],
  };
  const [decision] = await db.insert(decisions).values({ organizationId: org.id, campaignId: campaign.id, kind: "launch", rationale: "People asked for it", decidedByUserId: admin.userId, decidedByName: "Admin", evidence }).returning({ id: decisions.id });

  const [session] = await db
    .insert(liveSessions)
    .values({ organizationId: org.id, programId: program.id, title: "Live talk", defaultLocale: "en", scheduledAt: OPENS, status: "live", startedAt: OPENS, createdByUserId: researcher.userId })
    .returning();
  await appendLiveEvent(db, { sessionId: session.id, kind: "session.started", payload: { startedAt: OPENS.toISOString() }, actorUserId: researcher.userId });
  const single = await addLivePoll(db, session, 1, livePollContent.single as unknown as Record<string, unknown>);
  const textPoll = await addLivePoll(db, session, 2, livePollContent.text as unknown as Record<string, unknown>);
  const choiceId = single.definition.questions.find((question) => question.id === POLL_QUESTION_ID)!;
  const firstChoice = "choices" in choiceId ? choiceId.choices[0].id : "";
  await answerLive(db, person, session, single.id, firstChoice);
  await answerLive(db, others[0], session, single.id, firstChoice);
  await answerLive(db, person, session, textPoll.id, texts.live);
  await createLivePost(db, person.actor, { id: org.id }, { sessionId: session.id, body: texts.post });

  await db.insert(interviewNotes).values({ organizationId: org.id, programId: program.id, title: "Home visit", participantLabel: "Z.", participantUserId: person.userId, interviewedOn: "2027-01-20", body: texts.interview, createdByUserId: researcher.userId });
  await syncCodingItems(db, org.id);
  const theirItems = await db.select({ id: codingItems.id }).from(codingItems).where(eq(codingItems.speakerUserId, person.userId));
  const [tag_] = await db.insert(codingTags).values({ organizationId: org.id, name: "Waiting" }).returning({ id: codingTags.id });
  const [insight] = await db.insert(insights).values({ organizationId: org.id, claim: "People wait too long", status: "published", publishedAt: OPENS, authorUserId: researcher.userId }).returning({ id: insights.id });
  for (const item of theirItems) {
    const [highlight] = await db.insert(highlights).values({ organizationId: org.id, itemId: item.id, coderUserId: researcher.userId, startOffset: 0, endOffset: 5 }).returning({ id: highlights.id });
    await db.insert(highlightTags).values({ highlightId: highlight.id, tagId: tag_.id, organizationId: org.id });
    await db.insert(insightEvidence).values({ organizationId: org.id, insightId: insight.id, kind: "highlight", highlightId: highlight.id });
  }

  await recordAudit(db, { organizationId: org.id, actorUserId: person.userId, action: "council.joined", targetType: "program", targetId: program.id, details: { membershipId: person.membershipId } });
  await recordAudit(db, { organizationId: org.id, actorUserId: admin.userId, action: "member.role_changed", targetType: "membership", targetId: person.membershipId, details: { from: "participant", to: "participant" } });
  await sendMail(db, { to: person.email, subject: "Hello", text: `Dear Zofia Erasable ${tag}, thank you.` });
  return { org, admin, researcher, program, cycle, person, others, texts, codedItems: theirItems.length, insightId: insight.id, decisionId: decision.id, sessionId: session.id, singlePollId: single.id, textPollId: textPoll.id };
}

/** Every table of the public schema in which some row, read as text, contains one of the needles. */
export async function tablesHolding(db: Db, needles: readonly string[]): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`));
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = rowsOf<{ hits: number }>(
      await db.execute(sql`select count(*)::int as hits from ${sql.identifier(name)} t where exists (select 1 from jsonb_array_elements_text(${JSON.stringify(needles)}::jsonb) as needle(v) where strpos(lower(t::text), lower(needle.v)) > 0)`),
    );
    if (Number(row.hits) > 0) found.push(name);
  }
  return found;
}
