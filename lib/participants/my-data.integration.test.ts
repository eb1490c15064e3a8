import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, consentRecords, cycleMemos, decisions, interviewNotes, liveSessions, memberships, programCycles, programConsentTexts, programMembers, resonanceTests } from "@/db/schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { recordDecision } from "@/lib/decisions/record-decision";
import { submitFieldReport } from "@/lib/field-reports/submit-field-report";
import { createLivePost } from "@/lib/live/create-live-post";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createCouncilMember, createProgramWithTemplate } from "@/tests/cycle-factories";
import { createFrontlineProgram, createStaff } from "@/tests/frontline-factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { addLivePoll, answerLive } from "@/tests/live-factories";
import { collectMyData } from "./collect-my-data";
import { decodeCursor } from "./my-data-cursor";
import type { MyDataExport } from "./my-data-types";
import { exportMyData } from "./export-my-data";

const SCRIPT = "<script>alert('x')</script>";

/** A published memo of a closed session of the program. */
async function publishedMemo(db: Db, orgId: string, programId: string, sequence: number, title: string) {
  const opensAt = new Date(Date.UTC(2026, 3 + sequence * 3, 5, 8));
  const [cycle] = await db.insert(programCycles).values({ programId, organizationId: orgId, sequence, opensAt, closesAt: new Date(opensAt.getTime() + 14 * 86_400_000), status: "closed" }).returning({ id: programCycles.id });
  const [memo] = await db.insert(cycleMemos).values({ cycleId: cycle.id, organizationId: orgId, title, body: `What we heard in ${title}.`, status: "published", publishedAt: new Date() }).returning({ id: cycleMemos.id });
  return { memoId: memo.id, cycleId: cycle.id };
}

async function answer(db: Db, actor: { userId: string }, orgId: string, instrumentId: string, comment: string) {
  const responseId = randomUUID();
  await saveResponse(db, actor, { id: orgId }, { responseId, instrumentId, locale: "en", answers: { nps: 9, emp: 4, reason: "buy", comment } }, { complete: true });
  return responseId;
}

/** A participant of a council and a panel, with answers, a live post, consents, memos and decisions around them. */
async function world(db: Db) {
  const org = await createOrganization(db);
  const { program: council } = await createProgramWithTemplate(db, org.id);
  const { program: otherCouncil } = await createProgramWithTemplate(db, org.id, { name: "Another council" });
  const member = await createCouncilMember(db, org.id, council.id);
  const neighbour = await createCouncilMember(db, org.id, council.id);
  const { instrumentId } = await createOpenInstrument(db, org.id);
  const first = await answer(db, member.actor, org.id, instrumentId, "Queues are long");
  const { instrumentId: secondSurvey } = await createOpenInstrument(db, org.id);
  const second = await answer(db, member.actor, org.id, secondSurvey, SCRIPT);
  await answer(db, neighbour.actor, org.id, instrumentId, "Neighbour's own words");

  // A live session of the council (as a panel-like group), where the member answers and posts.
  const researcher = await createMember(db, org.id, "researcher");
  const [session] = await db.insert(liveSessions).values({ organizationId: org.id, programId: council.id, title: "Evening session", defaultLocale: "en", scheduledAt: new Date("2026-10-01T09:00:00Z"), status: "live", startedAt: new Date("2026-10-01T09:01:00Z"), createdByUserId: researcher.userId }).returning();
  const poll = await addLivePoll(db, session, 1, { kind: "single", prompt: "Which do you prefer?", translations: { pl: "Co wolisz?" }, choices: ["Tea", "Coffee"] });
  await answerLive(db, member, session, poll.id, poll.definition.questions[0].type === "single" ? poll.definition.questions[0].choices[0].id : "");
  await createLivePost(db, member.actor, { id: org.id }, { sessionId: session.id, body: `I liked it ${SCRIPT}` });
  await createLivePost(db, neighbour.actor, { id: org.id }, { sessionId: session.id, body: "Neighbour's post" });

  // Consent: research accepted, quotes accepted then withdrawn (version 1 of each came with the council).
  await db.insert(programConsentTexts).values([
    { organizationId: org.id, programId: council.id, purpose: "research", version: 2, body: "We use your answers for research." },
    { organizationId: org.id, programId: council.id, purpose: "quotes", version: 2, body: "We may quote you in internal reports." },
  ]);
  await db.insert(consentRecords).values([
    { organizationId: org.id, programId: council.id, userId: member.userId, purpose: "research", version: 2, granted: true, decidedAt: new Date("2026-02-01T10:00:00Z") },
    { organizationId: org.id, programId: council.id, userId: member.userId, purpose: "quotes", version: 2, granted: true, decidedAt: new Date("2026-02-01T10:00:00Z") },
    { organizationId: org.id, programId: council.id, userId: member.userId, purpose: "quotes", version: 2, granted: false, decidedAt: new Date("2026-03-01T10:00:00Z") },
    { organizationId: org.id, programId: council.id, userId: neighbour.userId, purpose: "quotes", version: 2, granted: true, decidedAt: new Date("2026-02-01T10:00:00Z") },
  ]);

  const ours = await publishedMemo(db, org.id, council.id, 0, "Our council memo");
  const theirs = await publishedMemo(db, org.id, otherCouncil.id, 0, "Their council memo");
  const leader = await createMember(db, org.id, "leader");
  const campaign = await createCampaign(db, leader.actor, org.id, { name: "Shorter queues" });
  const cited = await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "revise", rationale: `The council told us queues hurt ${SCRIPT}`, evidenceMemoIds: [ours.memoId] });
  const correction = await recordDecision(db, leader.actor, org.id, { campaignId: campaign.id, kind: "launch", rationale: "Corrected: launch with shorter queues.", evidenceMemoIds: [ours.memoId], correctsDecisionId: cited.id });
  const elsewhere = await recordDecision(db, leader.actor, org.id, { campaignId: (await createCampaign(db, leader.actor, org.id, { name: "Elsewhere" })).id, kind: "stop", rationale: "Another council told us otherwise.", evidenceMemoIds: [theirs.memoId] });

  // The same person in a second organization, with an answer there.
  const otherOrg = await createOrganization(db);
  await db.insert(memberships).values({ organizationId: otherOrg.id, userId: member.userId, role: "participant" });
  const { instrumentId: foreignSurvey } = await createOpenInstrument(db, otherOrg.id);
  const foreign = await answer(db, member.actor, otherOrg.id, foreignSurvey, "Said in the other organization");

  return { org, otherOrg, council, member, neighbour, responses: { first, second, foreign }, ours, theirs, decisions: { cited, correction, elsewhere } };
}

describe("my data", () => {
  const database = useTestDatabase();

  it("holds the person's own records of this organization, readable, and nobody else's", async () => {
    await database.inRollback(async (db) => {
      const w = await world(db);
      const data = await collectMyData(db, w.member.actor, { id: w.org.id }, { locale: "pl" });

      expect(data.account.email).toBe(w.member.email);
      expect(data.membership.role).toBe("participant");
      expect(data.programs.map((program) => [program.programName, program.kind, program.status])).toEqual([["Customer council", "council", "active"]]);
      expect(data.responses.total).toBe(2);
      expect(data.responses.items.map((response) => response.id).sort()).toEqual([w.responses.first, w.responses.second].sort());
      const response = data.responses.items.find((item) => item.id === w.responses.first)!;
      // Prompts and labels in the reader's language, from the version answered.
      expect(response.answers.find((item) => item.questionId === "nps")).toEqual({ questionId: "nps", prompt: "Recommend us? (pl)", lines: ["9 / 10"] });
      expect(response.answers.find((item) => item.questionId === "reason")?.lines).toEqual(["Buy (pl)"]);
      expect(response.answers.find((item) => item.questionId === "comment")?.lines).toEqual(["Queues are long"]);
      expect(response.answers.find((item) => item.questionId === "stars")?.lines).toEqual([]);

      expect(data.liveAnswers.items).toEqual([expect.objectContaining({ sessionTitle: "Evening session", question: "Co wolisz?", lines: ["Tea"] })]);
      expect(data.livePosts.items).toEqual([expect.objectContaining({ sessionTitle: "Evening session", body: `I liked it ${SCRIPT}`, status: "visible", highlighted: false })]);
      // Newest first: the council member's answers on joining (today), then the history set above.
      expect(data.consents.map((consent) => [consent.purpose, consent.version, consent.granted, consent.text])).toEqual([
        ["quotes", 1, true, "The quotes consent text, version 1."],
        ["research", 1, true, "The research consent text, version 1."],
        ["quotes", 2, false, "We may quote you in internal reports."],
        ["quotes", 2, true, "We may quote you in internal reports."],
        ["research", 2, true, "We use your answers for research."],
      ]);

      expect(data.learned.memos.map((memo) => memo.title)).toEqual(["Our council memo"]);
      expect(data.learned.memos[0].href).toBe(`/o/${w.org.slug}/portal/councils/${w.council.id}/sessions/${w.ours.cycleId}`);
      expect(data.learned.insights).toEqual([]);

      // Newest first: the correction, then the entry it corrects; the other council's decision is not theirs.
      expect(data.youSaidWeDid.map((decision) => decision.id)).toEqual([w.decisions.correction.id, w.decisions.cited.id]);
      const [correction, cited] = data.youSaidWeDid;
      expect(correction).toMatchObject({ campaignName: "Shorter queues", kind: "launch", corrects: { id: w.decisions.cited.id } });
      expect(cited).toMatchObject({ kind: "revise", rationale: `The council told us queues hurt ${SCRIPT}`, corrects: null, correctedBy: [{ id: w.decisions.correction.id }] });
      expect(cited.cited).toEqual([expect.objectContaining({ type: "memo", memoId: w.ours.memoId, programId: w.council.id })]);

      const everything = JSON.stringify(data);
      for (const foreign of ["Neighbour's own words", "Neighbour's post", "Said in the other organization", w.responses.foreign, w.neighbour.userId, w.neighbour.email, "Their council memo", "Another council told us otherwise."]) {
        expect(everything).not.toContain(foreign);
      }
      // Viewing is audited, with no contents.
      const viewed = await db.select({ details: auditLog.details, targetId: auditLog.targetId }).from(auditLog).where(and(eq(auditLog.organizationId, w.org.id), eq(auditLog.action, "mydata.viewed")));
      expect(viewed).toEqual([{ details: {}, targetId: w.member.userId }]);
    });
  });

  it("counts a resonance test sent to the person's group, and a quote from it, as theirs; another group's test is not", async () => {
    await database.inRollback(async (db) => {
      const w = await world(db);
      const leader = await createMember(db, w.org.id, "leader");
      const campaign = await createCampaign(db, leader.actor, w.org.id, { name: "Winter coats" });
      const testOf = async (programId: string) => {
        const { instrumentId } = await createOpenInstrument(db, w.org.id);
        const [test] = await db.insert(resonanceTests).values({ organizationId: w.org.id, campaignId: campaign.id, programId, instrumentId, concepts: [], deadline: new Date("2026-11-20T00:00:00Z"), openedAt: new Date("2026-11-16T09:00:00Z") }).returning({ id: resonanceTests.id });
        return test.id;
      };
      const ours = await testOf(w.council.id);
      const { program: elsewhere } = await createProgramWithTemplate(db, w.org.id, { name: "A council they never joined" });
      const theirs = await testOf(elsewhere.id);
      const quote = (testId: string, text: string) => ({ type: "quote" as const, testId, conceptTitle: "Warm welcome", text });
      const base = { organizationId: w.org.id, campaignId: campaign.id, kind: "revise" as const, decidedByName: "Lena" };
      const [cited] = await db.insert(decisions).values({ ...base, rationale: "Our group found the copy cold.", evidence: { version: 1, items: [quote(ours, "Too cold for me."), quote(theirs, "Someone else's words.")] } }).returning({ id: decisions.id });
      await db.insert(decisions).values({ ...base, rationale: "Only the other group was asked.", evidence: { version: 1, items: [quote(theirs, "Someone else's words.")] } });
      const data = await collectMyData(db, w.member.actor, { id: w.org.id }, { locale: "en" });
      const decision = data.youSaidWeDid.find((entry) => entry.id === cited.id);
      expect(decision?.cited).toEqual([quote(ours, "Too cold for me.")]);
      expect(JSON.stringify(data.youSaidWeDid)).not.toContain("Someone else's words.");
      expect(JSON.stringify(data.youSaidWeDid)).not.toContain("Only the other group was asked.");
    });
  });

  it("pages long lists by cursor without repeating or skipping a record", async () => {
    await database.inRollback(async (db) => {
      const w = await world(db);
      const first = await collectMyData(db, w.member.actor, { id: w.org.id }, { locale: "en", limit: 1 });
      expect(first.responses).toMatchObject({ total: 2, items: [expect.anything()] });
      expect(decodeCursor(first.responses.nextCursor)).not.toBeNull();
      const second = await collectMyData(db, w.member.actor, { id: w.org.id }, { locale: "en", limit: 1, responsesCursor: first.responses.nextCursor! });
      expect(second.responses.nextCursor).toBeNull();
      expect([first.responses.items[0].id, second.responses.items[0].id].sort()).toEqual([w.responses.first, w.responses.second].sort());
    });
  });

  it("gives a member who left only what came before they left, with no link to a memo page they can no longer open", async () => {
    await database.inRollback(async (db) => {
      const w = await world(db);
      const later = await publishedMemo(db, w.org.id, w.council.id, 3, "After they left");
      await db.update(programMembers).set({ status: "left", leftAt: new Date("2026-08-01T00:00:00Z") }).where(eq(programMembers.userId, w.member.userId));
      const data = await collectMyData(db, w.member.actor, { id: w.org.id }, { locale: "en" });
      expect(data.learned.memos.map((memo) => [memo.title, memo.href])).toEqual([["Our council memo", null]]);
      expect(JSON.stringify(data)).not.toContain(later.memoId);
      expect(data.youSaidWeDid).toHaveLength(2);
    });
  });

  it("shows frontline staff their reports and the frontline program they belong to through the roster", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const program = await createFrontlineProgram(db, org.id);
      const staff = await createStaff(db, org.id, { team: "Repairs", location: "Riga" });
      const colleague = await createStaff(db, org.id, { team: "Repairs", location: "Riga" });
      await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "pain_point", urgency: "normal", body: "The till keeps freezing at noon." }, { baseUrl: "http://localhost" });
      await submitFieldReport(db, colleague.actor, { id: org.id }, { kind: "praise", urgency: "low", body: "A colleague's praise." }, { baseUrl: "http://localhost" });
      const data = await collectMyData(db, staff.actor, { id: org.id }, { locale: "en" });
      expect(data.fieldReports.items).toEqual([expect.objectContaining({ kind: "pain_point", body: "The till keeps freezing at noon.", team: "Repairs", location: "Riga" })]);
      expect(data.programs).toEqual([expect.objectContaining({ programId: program.id, kind: "frontline", status: "staff" })]);
      expect(JSON.stringify(data)).not.toContain("A colleague's praise.");
    });
  });

  it("shows a person the notes of interviews held with them, and no one else's", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const person = await createMember(db, org.id, "participant");
      const other = await createMember(db, org.id, "participant");
      const notes = [
        { participantUserId: person.userId, title: "Home visit", body: "Talked about winter coats." },
        { participantUserId: other.userId, title: "Store walk", body: "Someone else's interview." },
      ];
      await db.insert(interviewNotes).values(notes.map((note) => ({ organizationId: org.id, participantLabel: "P.", interviewedOn: "2026-11-02", createdByUserId: researcher.userId, ...note })));
      const data = await collectMyData(db, person.actor, { id: org.id }, { locale: "en" });
      expect(data.interviews).toMatchObject({ total: 1, items: [{ title: "Home visit", interviewedOn: "2026-11-02", body: "Talked about winter coats." }] });
      expect(JSON.stringify(data)).not.toContain("Someone else's interview.");
    });
  });

  it("exports the same records as JSON and as an escaped HTML summary, auditing each download with its format", async () => {
    await database.inRollback(async (db) => {
      const w = await world(db);
      const json = await exportMyData(db, w.member.actor, { slug: w.org.slug }, { format: "json", locale: "en" }, new Date("2026-12-06T10:00:00Z"));
      expect(json).toMatchObject({ filename: `attune-my-data-${w.org.slug}-2026-12-06.json`, contentType: "application/json; charset=utf-8" });
      const document = JSON.parse(json.body) as MyDataExport;
      expect(document.schemaVersion).toBe(1);
      const page = await collectMyData(db, w.member.actor, { id: w.org.id }, { locale: "en" });
      expect(document.responses).toEqual(page.responses.items);
      expect(document.livePosts).toEqual(page.livePosts.items);
      expect(document.consents).toEqual(page.consents);
      expect(document.youSaidWeDid).toEqual(page.youSaidWeDid);
      expect(document.learned).toEqual(page.learned);
      expect(json.body).not.toContain(w.responses.foreign);
      expect(json.filename).not.toContain(w.member.email.split("@")[0]);

      const html = await exportMyData(db, w.member.actor, { slug: w.org.slug }, { format: "html", locale: "pl" });
      expect(html.contentType).toBe("text/html; charset=utf-8");
      expect(html.body).not.toContain("<script");
      expect(html.body).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
      expect(html.body).toContain('<html lang="pl">');
      expect(html.body).toContain("Powiedzieliście, zrobiliśmy");
      expect(html.body).toContain("Our council memo");
      expect(html.body).not.toMatch(/<link|src=|@import|https?:\/\//);

      const exported = await db.select({ details: auditLog.details, actor: auditLog.actorUserId }).from(auditLog).where(and(eq(auditLog.organizationId, w.org.id), eq(auditLog.action, "mydata.exported")));
      expect(exported).toEqual([{ details: { format: "json" }, actor: w.member.userId }, { details: { format: "html" }, actor: w.member.userId }]);
      await expect(exportMyData(db, w.member.actor, { slug: w.org.slug }, { format: "pdf" as "json", locale: "en" })).rejects.toThrow();
      await expect(exportMyData(db, null, { slug: w.org.slug }, { format: "json", locale: "en" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      const outsider = await createMember(db, (await createOrganization(db)).id, "admin");
      await expect(exportMyData(db, outsider.actor, { slug: w.org.slug }, { format: "json", locale: "en" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
