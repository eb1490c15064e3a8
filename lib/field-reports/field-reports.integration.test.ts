import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devMailbox, fieldReports, jobs, memberships } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { countRecentUrgentFieldReports, listFieldReports } from "./list-field-reports";
import { listMyFieldReports } from "./list-my-field-reports";
import { URGENT_FIELD_REPORT_JOB } from "./schemas";
import { submitFieldReport } from "./submit-field-report";

const BASE = { baseUrl: "https://attune.example" };

describe("what I heard", () => {
  const database = useTestDatabase();

  it("stores the team and location but shows researchers no author, and shows the author their own reports", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const staff = await createMember(db, org.id, "frontline", { name: "Marta Secret", email: `marta-${org.slug}@example.test` });
      const colleague = await createMember(db, org.id, "frontline");
      await db.update(memberships).set({ attributes: { team: "Care", location: "Riga", tenure: "1-3y" } }).where(eq(memberships.id, staff.membershipId));

      await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "pain_point", urgency: "normal", body: "  The returns desk queue is long  " }, BASE);
      await submitFieldReport(db, colleague.actor, { id: org.id }, { kind: "praise", urgency: "low", body: "Loved the new fitting rooms" }, BASE);

      const { reports } = await listFieldReports(db, researcher.actor, org.id);
      expect(reports).toHaveLength(2);
      for (const report of reports) expect(Object.keys(report).sort()).toEqual(["body", "createdAt", "id", "kind", "location", "team", "urgency"]);
      expect(JSON.stringify(reports)).not.toMatch(/Marta|marta-|authorUserId/);
      const painPoint = reports.find((report) => report.kind === "pain_point")!;
      expect(painPoint).toMatchObject({ body: "The returns desk queue is long", team: "Care", location: "Riga", urgency: "normal" });
      expect((await listFieldReports(db, researcher.actor, org.id, { kind: "praise" })).reports.map((report) => report.body)).toEqual(["Loved the new fitting rooms"]);

      expect((await listMyFieldReports(db, staff.actor, { id: org.id })).map((report) => report.body)).toEqual(["The returns desk queue is long"]);
      const [stored] = await db.select().from(fieldReports).where(eq(fieldReports.id, painPoint.id));
      expect(Object.keys(stored).sort()).toEqual(["authorUserId", "body", "createdAt", "id", "kind", "location", "organizationId", "team", "urgency"]);
    });
  });

  it("validates the kind, urgency and length and lets only frontline staff submit", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const staff = await createMember(db, org.id, "frontline");
      const researcher = await createMember(db, org.id, "researcher");
      await expect(submitFieldReport(db, staff.actor, { id: org.id }, { kind: "pain_point", body: "meh " }, BASE)).rejects.toMatchObject({ issues: [{ message: "fieldReportBodyTooShort" }] });
      await expect(submitFieldReport(db, staff.actor, { id: org.id }, { kind: "pain_point", body: "x".repeat(1001) }, BASE)).rejects.toMatchObject({ issues: [{ message: "fieldReportBodyTooLong" }] });
      await expect(submitFieldReport(db, staff.actor, { id: org.id }, { kind: "complaint" as "praise", body: "valid body" }, BASE)).rejects.toMatchObject({ issues: [{ message: "fieldReportKindInvalid" }] });
      await expect(submitFieldReport(db, researcher.actor, { id: org.id }, { kind: "praise", body: "valid body" }, BASE)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listFieldReports(db, staff.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.select({ id: fieldReports.id }).from(fieldReports).where(eq(fieldReports.organizationId, org.id))).toEqual([]);
    });
  });

  it("mails every active researcher and admin in their own language when an urgent report comes in", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db, { name: "Northwind Test" });
      const now = new Date("2026-11-23T10:00:00Z");
      const researcher = await createMember(db, org.id, "researcher", { locale: "pl" });
      const admin = await createMember(db, org.id, "admin", { locale: "ru" });
      const away = await createMember(db, org.id, "researcher");
      await db.update(memberships).set({ deactivatedAt: now }).where(eq(memberships.id, away.membershipId));
      const leader = await createMember(db, org.id, "leader");
      const staff = await createMember(db, org.id, "frontline", { name: "Marta Secret" });
      await db.update(memberships).set({ attributes: { team: "Care", location: "Riga" } }).where(eq(memberships.id, staff.membershipId));
      const mailsBefore = await db.select({ id: devMailbox.id }).from(devMailbox);

      const report = await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "pain_point", urgency: "urgent", body: "A customer fell on the wet floor" }, { ...BASE, now });
      const [job] = await db.select({ kind: jobs.kind, runAt: jobs.runAt, dedupeKey: jobs.dedupeKey }).from(jobs).where(eq(jobs.organizationId, org.id));
      expect(job).toEqual({ kind: URGENT_FIELD_REPORT_JOB, runAt: now, dedupeKey: `${URGENT_FIELD_REPORT_JOB}:${report.id}` });

      expect(await runDueJobs(db, jobHandlers, now)).toMatchObject({ succeeded: 1, failed: 0 });
      const mails = (await db.select({ to: devMailbox.to, subject: devMailbox.subject, text: devMailbox.text }).from(devMailbox)).slice(mailsBefore.length);
      expect(mails.map((mail) => mail.to).sort()).toEqual([admin.email, researcher.email].sort());
      const polish = mails.find((mail) => mail.to === researcher.email)!;
      expect(polish.subject).toBe("Pilne zgłoszenie (Problem) w Northwind Test");
      expect(polish.text).toContain("A customer fell on the wet floor");
      expect(polish.text).toContain("Care, Riga");
      expect(polish.text).toContain(`https://attune.example/o/${org.slug}/workspace/reports?urgency=urgent`);
      expect(mails.find((mail) => mail.to === admin.email)!.subject).toContain("Срочное");
      expect(JSON.stringify(mails)).not.toContain("Marta");
      expect(mails.map((mail) => mail.to)).not.toContain(leader.email);
      expect(await countRecentUrgentFieldReports(db, researcher.actor, org.id, now)).toBe(1);
      expect(await countRecentUrgentFieldReports(db, researcher.actor, org.id, new Date(now.getTime() + 8 * 86_400_000))).toBe(0);
    });
  });

  it("enqueues nothing for a report that is not urgent", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const staff = await createMember(db, org.id, "frontline");
      await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "praise", urgency: "normal", body: "Nice chat with a customer" }, BASE);
      expect(await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.organizationId, org.id))).toEqual([]);
    });
  });

  it("keeps tenants apart: researchers see only their organization's reports, staff only their own", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const staff = await createMember(db, org.id, "frontline");
      const otherResearcher = await createMember(db, other.id, "researcher");
      const otherStaff = await createMember(db, other.id, "frontline");
      await submitFieldReport(db, staff.actor, { id: org.id }, { kind: "praise", body: "Great service today" }, BASE);

      await expect(listFieldReports(db, otherResearcher.actor, org.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(submitFieldReport(db, otherStaff.actor, { id: org.id }, { kind: "praise", body: "Sneaking in" }, BASE)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listFieldReports(db, otherResearcher.actor, other.id)).reports).toEqual([]);
      expect(await listMyFieldReports(db, otherStaff.actor, { id: other.id })).toEqual([]);
      expect((await listMyFieldReports(db, staff.actor, { id: org.id })).map((report) => report.body)).toEqual(["Great service today"]);
    });
  });
});
