import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { getFrontlineDashboard } from "@/lib/frontline/frontline-dashboard";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createFrontlineProgram } from "@/tests/frontline-factories";
import { anonymityThresholdsSchema } from "./schemas";
import { setAnonymityThresholds } from "./set-anonymity-thresholds";

describe("setting the anonymity thresholds", () => {
  const database = useTestDatabase();

  it("lets an admin raise the thresholds, which the dashboard then applies, and audits the change", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const leader = await createMember(db, org.id, "leader");
      await createFrontlineProgram(db, org.id);
      const input = anonymityThresholdsSchema.parse({ minGroupSize: "7", minCommentGroupSize: "12" });
      expect(await setAnonymityThresholds(db, admin.actor, org.id, input)).toEqual({ minGroupSize: 7, minCommentGroupSize: 12 });
      expect((await getFrontlineDashboard(db, leader.actor, { id: org.id }, {})).thresholds).toEqual({ minGroupSize: 7, minCommentGroupSize: 12 });
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "organization.anonymity_changed")));
      expect(entry.details).toMatchObject({ minGroupSize: 7, minCommentGroupSize: 12, previousMinGroupSize: 5, previousMinCommentGroupSize: 10 });
    });
  });

  it("is for admins only", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const input = { minGroupSize: 3, minCommentGroupSize: 3 };
      for (const role of ["leader", "researcher", "frontline"] as const) {
        const member = await createMember(db, org.id, role);
        await expect(setAnonymityThresholds(db, member.actor, org.id, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    });
  });

  it("refuses thresholds below 3, above 100, not whole, or comments below scores", () => {
    const errors = (values: Record<string, string>) => anonymityThresholdsSchema.safeParse(values).error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(errors({ minGroupSize: "2", minCommentGroupSize: "10" })).toEqual([["minGroupSize", "thresholdTooLow"]]);
    expect(errors({ minGroupSize: "5", minCommentGroupSize: "101" })).toEqual([["minCommentGroupSize", "thresholdTooHigh"]]);
    expect(errors({ minGroupSize: "4.5", minCommentGroupSize: "10" })).toEqual([["minGroupSize", "thresholdInvalid"]]);
    expect(errors({ minGroupSize: "abc", minCommentGroupSize: "10" })).toEqual([["minGroupSize", "thresholdInvalid"]]);
    expect(errors({ minGroupSize: "8", minCommentGroupSize: "6" })).toEqual([["minCommentGroupSize", "commentThresholdBelowGroup"]]);
    expect(errors({ minGroupSize: "3", minCommentGroupSize: "3" })).toBeUndefined();
  });

  it("validates on the server too: a direct call with a threshold below 3 or an unknown organization changes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      await expect(setAnonymityThresholds(db, admin.actor, org.id, { minGroupSize: 1, minCommentGroupSize: 1 })).rejects.toMatchObject({ name: "ZodError" });
      await expect(setAnonymityThresholds(db, admin.actor, org.id, { minGroupSize: "NaN", minCommentGroupSize: "5" })).rejects.toMatchObject({ name: "ZodError" });
      await expect(setAnonymityThresholds(db, admin.actor, other.id, { minGroupSize: 5, minCommentGroupSize: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(setAnonymityThresholds(db, admin.actor, "not-a-uuid", { minGroupSize: 5, minCommentGroupSize: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const audits = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "organization.anonymity_changed")));
      expect(audits).toHaveLength(0);
    });
  });
});
