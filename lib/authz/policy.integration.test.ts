import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { AppError } from "@/lib/errors";
import { PERMISSION_NAMES, type Permission } from "./policy";
import { requirePermission } from "./require-permission";
import { ROLES, type Role } from "./roles";

// The expected matrix is written out by hand, so a change to the policy must change this table too.
const A = "admin", L = "leader", R = "researcher", F = "frontline", P = "participant";
const EXPECTED: Record<Permission, Role[]> = {
  "org.view": [A, L, R, F, P],
  "org.manage": [A],
  "members.view": [A],
  "members.manage": [A],
  "audit.view": [A],
  "apikeys.manage": [A],
  "webhooks.manage": [A],
  "dashboard.view": [A, L, R],
  "scorecard.view": [A, L],
  "kpis.manage": [A, L, R],
  "decisions.record": [A, L],
  "campaigns.manage": [A, L, R],
  "workspace.view": [A, R],
  "instruments.manage": [A, R],
  "councils.manage": [A, R],
  "frontline.manage": [A, R],
  "panels.manage": [A, R],
  "responses.view": [A, R],
  "responses.export": [A, R],
  "live.moderate": [A, R],
  "live.observe": [A, L, R],
  "insights.code": [A, R],
  "insights.view": [A, L, R],
  "frontline.submit": [F],
  "instruments.respond": [F, P],
  "portal.view": [F, P],
  "mydata.view": [A, L, R, F, P],
  "programs.view": [A, R],
  "instruments.view": [A, R],
  "campaigns.view": [A, L, R],
  "decisions.view": [A, L, R],
  "participants.view": [A, R],
  "participants.manage": [A, R],
  "responses.submit": [],
};

describe("permission matrix", () => {
  const database = useTestDatabase();

  it("covers every permission the policy defines", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it("grants each role exactly its permissions, checked against real memberships", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const role of ROLES) {
        const member = await createMember(db, org.id, role);
        for (const permission of PERMISSION_NAMES) {
          const allowed = await requirePermission(db, member.actor, { id: org.id }, permission).then(
            (context) => context.role === role,
            (error: AppError) => (error.code === "FORBIDDEN" ? false : Promise.reject(error)),
          );
          outcomes.push(`${role} ${permission} ${allowed ? "allow" : "deny"}`);
          expected.push(`${role} ${permission} ${EXPECTED[permission].includes(role) ? "allow" : "deny"}`);
        }
      }
      expect(outcomes).toEqual(expected);
    });
  });

  it("answers NOT_FOUND, not FORBIDDEN, to a non-member and UNAUTHENTICATED to nobody", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const outsider = await createMember(db, other.id, "admin");
      await expect(requirePermission(db, outsider.actor, { id: org.id }, "org.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(requirePermission(db, outsider.actor, { slug: org.slug }, "org.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(requirePermission(db, null, { id: org.id }, "org.view")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    });
  });
});
