import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, responses } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { everyTypeDefinition } from "@/tests/instrument-fixtures";
import type { Db } from "@/db/connect";
import { exportStream } from "./export-formats";
import { prepareResponseExport } from "./export-responses";
import { getResponse } from "./get-response";
import { listResponses, responseFiltersSchema } from "./list-responses";
import { saveResponse } from "./save-response";

const complete = (nps: number, more: string) => ({ nps, csat: 4, visit: "buy", grid: { clean: 5, calm: 3 }, more });

async function respondents(db: Db, orgId: string, count: number) {
  const people = [];
  for (let i = 0; i < count; i++) {
    const person = await createMember(db, orgId, "participant");
    await db.update(memberships).set({ attributes: { region: i % 2 ? "North" : "South", language: "pl" } }).where(eq(memberships.id, person.membershipId));
    people.push(person);
  }
  return people;
}

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("responses view and exports", () => {
  const database = useTestDatabase();

  it("pages by keyset, filters by status, segment and open text, and never names respondents", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const people = await respondents(db, org.id, 30);
      for (const [i, person] of people.entries()) {
        const at = new Date(Date.UTC(2026, 10, 1, 10, i));
        await saveResponse(db, person.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "pl", answers: complete(i % 11, i === 3 ? "The fitting room was cold" : "ok") }, { complete: i < 28 }, at);
      }
      const first = await listResponses(db, researcher.actor, { id: org.id }, instrumentId, {});
      expect(first.responses).toHaveLength(25);
      const second = await listResponses(db, researcher.actor, { id: org.id }, instrumentId, { after: first.nextCursor! });
      expect(second.responses).toHaveLength(5);
      expect(new Set([...first.responses, ...second.responses].map((r) => r.id)).size).toBe(30);
      expect(first.responses[0]).not.toHaveProperty("respondentUserId");

      expect((await listResponses(db, researcher.actor, { id: org.id }, instrumentId, { status: "in_progress" })).responses).toHaveLength(2);
      expect((await listResponses(db, researcher.actor, { id: org.id }, instrumentId, { segment: "region:North" })).responses).toHaveLength(15);
      const found = await listResponses(db, researcher.actor, { id: org.id }, instrumentId, { q: "fitting ROOM" });
      expect(found.responses).toHaveLength(1);
      const detail = await getResponse(db, researcher.actor, { id: org.id }, instrumentId, found.responses[0].id);
      expect(detail.response.answers.more).toBe("The fitting room was cold");
      const viewed = await db.select({ actor: auditLog.actorUserId, action: auditLog.action, targetId: auditLog.targetId, details: auditLog.details }).from(auditLog).where(eq(auditLog.action, "response.viewed"));
      expect(viewed).toEqual([{ actor: researcher.userId, action: "response.viewed", targetId: detail.response.id, details: { instrumentId } }]);
    });
  });

  it("exports every format with columns from the instrument, and records the export", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const people = await respondents(db, org.id, 3);
      for (const [i, person] of people.entries()) {
        await saveResponse(db, person.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "ru", answers: complete(9 - i, `Ответ ${i}, "в кавычках"`) }, { complete: true });
      }

      const json = await prepareResponseExport(db, researcher.actor, { id: org.id }, instrumentId, {}, "json");
      const records = JSON.parse(await text(exportStream("json", json.header, json.rows()))) as Array<Record<string, unknown>>;
      expect(records).toHaveLength(3);
      expect(records.map((r) => r["NPS How likely are you to recommend us to a friend or colleague?"]).sort()).toEqual([7, 8, 9]);
      expect(records[0]["The store was… — Clean"]).toBe(5);

      const csv = await prepareResponseExport(db, researcher.actor, { id: org.id }, instrumentId, { status: "completed" }, "csv");
      const lines = (await text(exportStream("csv", csv.header, csv.rows()))).trim().split("\n");
      expect(lines).toHaveLength(4);
      expect(lines[0].replace("\uFEFF", "").split(",").slice(0, 5)).toEqual(["response_id", "status", "version", "locale", "submitted_at"]);
      expect(lines.slice(1).join("\n")).toContain('"Ответ 0, ""в кавычках"""');

      const xlsx = await prepareResponseExport(db, researcher.actor, { id: org.id }, instrumentId, {}, "xlsx");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await new Response(exportStream("xlsx", xlsx.header, xlsx.rows())).arrayBuffer());
      const sheet = workbook.getWorksheet("Responses")!;
      expect(sheet.rowCount).toBe(4);
      expect(sheet.getRow(1).getCell(1).value).toBe("response_id");

      const audits = await db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.action, "responses.exported"));
      expect(audits.map((a) => a.details.format)).toEqual(["json", "csv", "xlsx"]);
    });
  });

  it("lets no leader, respondent or other tenant read or export responses", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const outsider = await createMember(db, other.id, "researcher");
      const leader = await createMember(db, org.id, "leader");
      const [person] = await respondents(db, org.id, 1);
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const { responseId } = await saveResponse(db, person.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: complete(5, "x") }, { complete: true });

      await expect(listResponses(db, outsider.actor, { id: other.id }, instrumentId, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getResponse(db, outsider.actor, { id: other.id }, instrumentId, responseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(prepareResponseExport(db, outsider.actor, { id: other.id }, instrumentId, {}, "csv")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listResponses(db, leader.actor, { id: org.id }, instrumentId, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(prepareResponseExport(db, person.actor, { id: org.id }, instrumentId, {}, "json")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getResponse(db, researcher.actor, { id: org.id }, instrumentId, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
  it("pages through responses that share a millisecond without skipping or repeating one, and refuses a cursor naming no real moment", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const ids: string[] = [];
      for (const person of await respondents(db, org.id, 4)) {
        const responseId = randomUUID();
        await saveResponse(db, person.actor, { id: org.id }, { responseId, instrumentId, locale: "pl", answers: complete(8, "ok") }, { complete: true });
        ids.push(responseId);
      }
      // Four changes within one millisecond, as a busy instrument has: a Date cursor (.123) would skip the other three.
      for (const [i, id] of ids.entries()) {
        const at = `2026-11-01T10:00:00.123${456 - i * 100}Z`;
        await db.update(responses).set({ updatedAt: sql`${at}::timestamptz`, startedAt: sql`${at}::timestamptz` }).where(eq(responses.id, id));
      }
      const listed: string[] = [];
      let after: string | undefined;
      do {
        const page = await listResponses(db, researcher.actor, { id: org.id }, instrumentId, { after }, 1);
        listed.push(...page.responses.map((response) => response.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(listed).toEqual(ids);

      const json = await prepareResponseExport(db, researcher.actor, { id: org.id }, instrumentId, {}, "json", 1);
      const exported = (JSON.parse(await text(exportStream("json", json.header, json.rows()))) as Array<{ response_id: string }>).map((row) => row.response_id);
      expect(exported).toEqual(ids);

      // 30 February: refused at the boundary, so the list starts from the newest instead of failing in PostgreSQL.
      const forged = await listResponses(db, researcher.actor, { id: org.id }, instrumentId, responseFiltersSchema.parse({ after: `2026-02-30T10:00:00.000000Z_${ids[0]}` }), 1);
      expect(forged.responses.map((response) => response.id)).toEqual([ids[0]]);
      for (const after of [`0000-01-01T00:00:00.000000Z_${ids[0]}`, `12026-01-01T00:00:00.000000Z_${ids[0]}`]) expect(responseFiltersSchema.parse({ after }).after).toBeUndefined();
      expect(responseFiltersSchema.parse({ from: "2026-13-45", to: "2026-02-30" })).toEqual({});
    });
  });

  it("exports a response saved while the export runs exactly once", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { instrumentId } = await createOpenInstrument(db, org.id, { definition: everyTypeDefinition() });
      const people = await respondents(db, org.id, 3);
      const ids: string[] = [];
      for (const [i, person] of people.entries()) {
        const responseId = randomUUID();
        await saveResponse(db, person.actor, { id: org.id }, { responseId, instrumentId, locale: "pl", answers: { nps: i } }, { complete: false }, new Date(Date.UTC(2026, 10, 1, 10, i)));
        ids.push(responseId);
      }
      const json = await prepareResponseExport(db, researcher.actor, { id: org.id }, instrumentId, {}, "csv", 1);
      const rows = json.rows();
      const exported = [(await rows.next()).value![0]];
      // The oldest respondent answers one more question mid-export: it becomes the latest change.
      await saveResponse(db, people[0].actor, { id: org.id }, { responseId: ids[0], instrumentId, locale: "pl", answers: { nps: 0, csat: 5 } }, { complete: false }, new Date(Date.UTC(2026, 10, 1, 11)));
      for await (const row of rows) exported.push(row[0]);
      expect(exported).toEqual([ids[2], ids[1], ids[0]]);
    });
  });
});

