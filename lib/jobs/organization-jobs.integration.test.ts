import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { listOrganizationJobs } from "./list-organization-jobs";
import { enqueueJob, runDueJobs } from "./queue";
import { retryOrganizationJob } from "./retry-organization-job";

const T0 = new Date("2027-05-01T08:00:00Z");

describe("an organization's jobs for its admins", () => {
  const database = useTestDatabase();

  it("lists next, last and failed runs of this organization only, and retries a failure", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const handlers = { "test.ok": async () => {}, "test.broken": async () => Promise.reject(new Error("smtp down")) };
      await enqueueJob(db, { kind: "test.ok", runAt: T0, organizationId: org.id });
      await enqueueJob(db, { kind: "test.broken", runAt: T0, organizationId: org.id, maxAttempts: 1 });
      await enqueueJob(db, { kind: "test.ok", runAt: new Date(T0.getTime() + 86_400_000), organizationId: org.id });
      await enqueueJob(db, { kind: "test.ok", runAt: T0, organizationId: other.id });
      await runDueJobs(db, handlers, T0);

      const listed = await listOrganizationJobs(db, admin.actor, org.id);
      expect(listed.next.map((job) => job.kind)).toEqual(["test.ok"]);
      expect(listed.last.map((job) => job.kind)).toEqual(["test.ok"]);
      expect(listed.failed).toMatchObject([{ kind: "test.broken", lastError: "smtp down" }]);

      await retryOrganizationJob(db, admin.actor, org.id, { jobId: String(listed.failed[0].id) }, T0);
      expect((await listOrganizationJobs(db, admin.actor, org.id)).failed).toEqual([]);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(listOrganizationJobs(db, researcher.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
