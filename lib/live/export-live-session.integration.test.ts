import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, liveAnswers, livePosts } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { addLivePoll, answerLive, createLiveParticipant, createLiveSession, endLiveSession } from "@/tests/live-factories";
import { exportLiveSession } from "./export-live-session";

async function sessionToExport(db: Db) {
  const { org, panel, researcher, session } = await createLiveSession(db, "Winter boots");
  const single = await addLivePoll(db, session, 1, { kind: "single", prompt: "Which sole?", choices: ["Rubber", "Leather"] });
  const multiple = await addLivePoll(db, session, 2, { kind: "multiple", prompt: "Where do you walk?", choices: ["City", "Forest", "Mountains"] });
  const text = await addLivePoll(db, session, 3, { kind: "text", prompt: "Anything else?" });
  const ana = await createLiveParticipant(db, org.id, panel.id, "pl", { region: "north", custom: { channel: "store" } }, "Ana Secret");
  const ivan = await createLiveParticipant(db, org.id, panel.id, "ru", { region: "south" }, "Ivan Secret");
  await answerLive(db, ana, session, single.id, "c2");
  await answerLive(db, ana, session, multiple.id, { choiceIds: ["c1", "c3"] });
  await answerLive(db, ana, session, text.id, "=HYPERLINK(\"http://evil.test\")");
  await answerLive(db, ivan, session, single.id, "c1");
  // Answers inside one test transaction share its clock; give them the order they had in the room.
  await db.update(liveAnswers).set({ answeredAt: new Date("2026-10-01T09:10:00Z") }).where(eq(liveAnswers.userId, ana.userId));
  await db.update(liveAnswers).set({ answeredAt: new Date("2026-10-01T09:11:00Z") }).where(eq(liveAnswers.userId, ivan.userId));
  await db.insert(livePosts).values([
    { sessionId: session.id, userId: ivan.userId, body: "Тёплые, но тяжёлые", highlighted: true, createdAt: new Date("2026-10-01T09:20:00Z") },
    { sessionId: session.id, userId: ana.userId, body: "spam spam", status: "hidden", createdAt: new Date("2026-10-01T09:21:00Z") },
  ]);
  await endLiveSession(db, session, researcher.userId);
  return { org, panel, researcher, session, ana, ivan };
}

const csvLines = async (body: ReadableStream<Uint8Array>) => (await new Response(body).text()).replace("\uFEFF", "").trim().split("\n");

describe("exporting a live session", () => {
  const database = useTestDatabase();

  it("writes one row per answer with labelled values, attributes and a pseudonym per person, never a name or an email", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, session, ana, ivan } = await sessionToExport(db);
      const answers = await exportLiveSession(db, researcher.actor, { id: org.id }, session.id, { format: "csv", part: "answers" });
      expect(answers.filename).toBe("live-session-winter-boots-answers.csv");
      const lines = await csvLines(answers.body);
      expect(lines[0]).toBe("poll_position,poll_kind,prompt,participant,region,language,channel,locale,answer,answer_value,answered_at");
      const rows = lines.slice(1).map((line) => line.split(","));
      expect(rows.map((row) => row.slice(0, 4))).toEqual([
        ["1", "single", "Which sole?", "P01"],
        ["1", "single", "Which sole?", "P02"],
        ["2", "multiple", "Where do you walk?", "P01"],
        ["3", "text", "Anything else?", "P01"],
      ]);
      expect(rows[0].slice(4, 10)).toEqual(["north", "pl", "store", "pl", "Leather", "c2"]);
      expect(rows[1].slice(4, 10)).toEqual(["south", "ru", "", "ru", "Rubber", "c1"]);
      expect(rows[2].slice(8, 10)).toEqual(["City; Mountains", "c1;c3"]);
      // Formula-like answers are written as text.
      expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
      const all = lines.join("\n");
      for (const secret of [ana.email, ivan.email, "Ana Secret", "Ivan Secret", ana.userId]) expect(all).not.toContain(secret);

      const thread = await exportLiveSession(db, researcher.actor, { id: org.id }, session.id, { format: "csv", part: "thread" });
      expect(await csvLines(thread.body)).toEqual([
        "posted_at,participant,status,highlighted,text",
        '2026-10-01T09:20:00.000Z,P02,visible,yes,"Тёплые, но тяжёлые"',
        "2026-10-01T09:21:00.000Z,P01,hidden,no,spam spam",
      ]);

      const xlsx = await exportLiveSession(db, researcher.actor, { id: org.id }, session.id, { format: "xlsx", part: "answers" });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await new Response(xlsx.body).arrayBuffer());
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(5);
      expect(sheet.getRow(2).getCell(4).value).toBe("P01");
      expect(sheet.getRow(2).getCell(9).value).toBe("Leather");

      const audits = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, "live_session.exported"), eq(auditLog.targetId, session.id)));
      expect(audits.map((audit) => [audit.details.format, audit.details.part])).toEqual([["csv", "answers"], ["csv", "thread"], ["xlsx", "answers"]]);
    });
  });

  it("writes the whole session as JSON: polls with definitions, answers, thread and timeline, with pseudonyms only", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, session, ana } = await sessionToExport(db);
      const json = await exportLiveSession(db, researcher.actor, { id: org.id }, session.id, { format: "json" });
      const raw = await new Response(json.body).text();
      const document = JSON.parse(raw);
      expect(document.session).toMatchObject({ title: "Winter boots", status: "ended", endedAt: "2026-10-01T10:00:00.000Z" });
      expect(document.polls.map((poll: { position: number; kind: string }) => [poll.position, poll.kind])).toEqual([[1, "single"], [2, "multiple"], [3, "text"]]);
      expect(document.polls[0].definition.questions[0].choices).toHaveLength(2);
      expect(document.answers).toHaveLength(4);
      expect(document.answers[0]).toMatchObject({ poll: 1, participant: "P01", value: "c2", label: "Leather", locale: "pl" });
      expect(document.thread.map((post: { participant: string; status: string }) => [post.participant, post.status])).toEqual([["P02", "visible"], ["P01", "hidden"]]);
      expect(document.timeline.map((event: { kind: string; actor: string }) => [event.kind, event.actor])).toEqual([["session.started", "moderator"], ["session.ended", "moderator"]]);
      expect(raw).not.toContain(ana.email);
      expect(raw).not.toContain("Secret");
    });
  });

  it("is only for roles that may export responses, and not across organizations", async () => {
    await database.inRollback(async (db) => {
      const { org, session, ana } = await sessionToExport(db);
      const leader = await createMember(db, org.id, "leader");
      const outsider = await createMember(db, (await createOrganization(db)).id, "researcher");
      await expect(exportLiveSession(db, leader.actor, { id: org.id }, session.id, { format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportLiveSession(db, ana.actor, { id: org.id }, session.id, { format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportLiveSession(db, outsider.actor, { id: org.id }, session.id, { format: "csv" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const { org: otherOrg, researcher: theirs } = await createLiveSession(db);
      await expect(exportLiveSession(db, theirs.actor, { id: otherOrg.id }, session.id, { format: "csv" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "live_session.exported"))).toEqual([]);
    });
  });
});
