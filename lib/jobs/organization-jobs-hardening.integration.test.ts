import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, jobs } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { enqueueJob, runDueJobs } from "./queue";
import { retryOrganizationJob } from "./retry-organization-job";

const T0 = new Date("2027-05-01T08:00:00Z");

describe("retrying a job, as an attacker and with two tabs", () => {
  const database = useTestDatabase();

  it("answers not found for another organization's job and for ids that are no job, and conflict for a second retry", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const otherAdmin = await createMember(db, other.id, "admin");
      const handlers = { "test.broken": async () => Promise.reject(new Error("smtp down")) };
      await enqueueJob(db, { kind: "test.broken", runAt: T0, organizationId: org.id, maxAttempts: 1, dedupeKey: `broken:${org.id}` });
      await runDueJobs(db, handlers, T0);
      const [failed] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.dedupeKey, `broken:${org.id}`));

      await expect(retryOrganizationJob(db, otherAdmin.actor, other.id, { jobId: String(failed.id) }, T0)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(retryOrganizationJob(db, otherAdmin.actor, org.id, { jobId: String(failed.id) }, T0)).rejects.toMatchObject({ code: "NOT_FOUND" });
      for (const jobId of ["abc", "", "-1", "1.5", "99999999999999999999", "1e30"]) {
        await expect(retryOrganizationJob(db, admin.actor, org.id, { jobId }, T0), jobId).rejects.toMatchObject({ code: "NOT_FOUND" });
      }

      await retryOrganizationJob(db, admin.actor, org.id, { jobId: String(failed.id) }, T0);
      await expect(retryOrganizationJob(db, admin.actor, org.id, { jobId: String(failed.id) }, T0)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "jobNotFailed" });
      const audits = await db.select({ targetId: auditLog.targetId }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "job.retried")));
      expect(audits).toEqual([{ targetId: String(failed.id) }]);
    });
  });
});
