import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fieldReports, jobs } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { FIELD_REPORTS_PAGE_SIZE, listFieldReports } from "./list-field-reports";
import { listMyFieldReports } from "./list-my-field-reports";
import { submitFieldReport } from "./submit-field-report";

describe("field reports with hostile input", () => {
  const database = useTestDatabase();

  it("treats a page cursor holding an impossible date as the first page instead of failing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const staff = await createMember(db, org.id, "frontline");
      await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "praise", body: "A customer thanked the whole team" }, { baseUrl: "http://localhost" });
      for (const after of ["2026-13-45T99:99:99Z_00000000-0000-4000-8000-000000000000", "9999-99-99T99:99Z_zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"]) {
        const page = await listFieldReports(db, researcher.actor, org.id, { after });
        expect(page.reports).toHaveLength(1);
      }
    });
  });

  it("refuses text with a NUL character with a translated message instead of failing on save", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const staff = await createMember(db, org.id, "frontline");
      await expect(submitFieldReport(db, staff.actor, { id: org.id }, { kind: "praise", body: "Binary \u0000 text here" }, { baseUrl: "http://localhost" })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["body"], message: "textInvalid" })],
      });
    });
  });

  it("pages through reports sent within one millisecond without losing any", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const count = FIELD_REPORTS_PAGE_SIZE + 2;
      await db.insert(fieldReports).values(
        Array.from({ length: count }, (_, i) => ({ organizationId: org.id, kind: "praise" as const, body: `Report ${i}`, createdAt: sql`${`2026-03-01T10:00:00.123${String(i + 1).padStart(3, "0")}Z`}::timestamptz` })),
      );
      const first = await listFieldReports(db, researcher.actor, org.id);
      const second = await listFieldReports(db, researcher.actor, org.id, { after: first.nextCursor! });
      const seen = [...first.reports, ...second.reports].map((report) => report.body);
      expect(new Set(seen).size).toBe(count);
      expect(second.nextCursor).toBeNull();
    });
  });

  it("stores a report sent twice with one submission id once, with one notification, and never lets another person reuse the id", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const staff = await createMember(db, org.id, "frontline");
      const colleague = await createMember(db, org.id, "frontline");
      const submissionId = randomUUID();
      const report = { kind: "pain_point" as const, urgency: "urgent" as const, body: "The card reader is down again", submissionId };
      const first = await submitFieldReport(db, staff.actor, { id: org.id }, report, { baseUrl: "http://localhost" });
      const second = await submitFieldReport(db, staff.actor, { id: org.id }, report, { baseUrl: "http://localhost" });
      expect(second.id).toBe(first.id);
      expect(first.id).toBe(submissionId);
      const stolen = await submitFieldReport(db, colleague.actor, { id: org.id }, { ...report, body: "Someone else's words" }, { baseUrl: "http://localhost" });
      expect(stolen.id).not.toBe(submissionId);

      const stored = await db.select({ id: fieldReports.id, body: fieldReports.body }).from(fieldReports).where(eq(fieldReports.organizationId, org.id));
      expect(stored.map((row) => row.body).sort()).toEqual(["Someone else's words", "The card reader is down again"]);
      const queued = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.organizationId, org.id));
      expect(queued).toHaveLength(2);
      expect(await listMyFieldReports(db, colleague.actor, { id: org.id })).toMatchObject([{ body: "Someone else's words" }]);
    });
  });
});
