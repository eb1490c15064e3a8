import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, responses, users } from "@/db/schema";
import { requirePermission } from "@/lib/authz/require-permission";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { confirmRosterImport, previewRosterImport } from "./import-roster";
import { listRoster } from "./list-roster";
import { setStaffActive } from "./set-staff-active";

const HEADER = "name,email,team,location,role,manager";

function csv(...rows: string[]) {
  return [HEADER, ...rows].join("\n");
}

async function membershipOf(db: Parameters<typeof listRoster>[0], orgId: string, email: string) {
  const [row] = await db
    .select({ id: memberships.id, role: memberships.role, attributes: memberships.attributes, deactivatedAt: memberships.deactivatedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(users.email, email)));
  return row;
}

describe("roster import", () => {
  const database = useTestDatabase();

  it("previews new, updated, unchanged and skipped rows with errors and merged duplicates, writing nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const kept = await createMember(db, org.id, "frontline", { email: `kept-${randomUUID()}@example.test` });
      await db.update(memberships).set({ attributes: { team: "Care", location: "Riga", role: "Agent", manager: "no" } }).where(eq(memberships.id, kept.membershipId));
      const moved = await createMember(db, org.id, "frontline", { email: `moved-${randomUUID()}@example.test` });
      const leader = await createMember(db, org.id, "leader", { email: `leader-${randomUUID()}@example.test` });
      const file = csv(
        `Ana,ana-${org.slug}@example.test,Care,Riga,Agent,y`,
        `Kept,${kept.email},Care,Riga,Agent,no`,
        `Moved,${moved.email},Repairs,Gdańsk,Technician,0`,
        `Lea,${leader.email},Board,HQ,CMO,yes`,
        `Bad,not-an-email,Care,Riga,Agent,no`,
        `Ana again,ANA-${org.slug}@example.test,,,,true`,
        `Odd,odd-${org.slug}@example.test,Care,Riga,Agent,perhaps`,
      );
      const before = await db.select({ id: users.id }).from(users);

      const plan = await previewRosterImport(db, researcher.actor, org.id, { csv: file, deactivateMissing: "on" });

      expect(plan.counts).toEqual({ new: 1, updated: 1, unchanged: 1, skipped: 1, deactivated: 0 });
      expect(plan.mergedDuplicates).toBe(1);
      expect(plan.errors).toEqual([
        { line: 6, column: "email", messageKey: "emailInvalid" },
        { line: 8, column: "manager", messageKey: "rosterManagerInvalid" },
      ]);
      expect(plan.rows.map((row) => row.status)).toEqual(["new", "unchanged", "updated", "skipped"]);
      // The later duplicate fills in and overrides; its empty cells keep the earlier values.
      expect(plan.rows[0]).toMatchObject({ name: "Ana again", manager: "yes", team: "Care", location: "Riga" });
      expect(await db.select({ id: users.id }).from(users)).toHaveLength(before.length);
      expect((await membershipOf(db, org.id, moved.email)).attributes).toEqual({});
    });
  });

  it("creates staff, updates attributes, skips other roles, reactivates returners and deactivates the missing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const moved = await createMember(db, org.id, "frontline", { email: `moved-${randomUUID()}@example.test` });
      await db.update(memberships).set({ attributes: { team: "Care", location: "Riga", tenure: "1-3y" } }).where(eq(memberships.id, moved.membershipId));
      const returner = await createMember(db, org.id, "frontline", { email: `back-${randomUUID()}@example.test` });
      await db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.id, returner.membershipId));
      const leaver = await createMember(db, org.id, "frontline", { email: `gone-${randomUUID()}@example.test` });
      const leader = await createMember(db, org.id, "leader", { email: `leader-${randomUUID()}@example.test` });
      const newEmail = `new-${org.slug}@example.test`;

      const plan = await confirmRosterImport(db, researcher.actor, org.id, {
        csv: csv(`New Person,${newEmail},Care,Riga,Agent,no`, `,${moved.email},Repairs,,,yes`, `,${returner.email},Care,,,`, `,${leader.email},Board,,,`),
        deactivateMissing: "on",
      });

      expect(plan.counts).toEqual({ new: 1, updated: 2, unchanged: 0, skipped: 1, deactivated: 1 });
      const [created] = await db.select({ name: users.name }).from(users).where(eq(users.email, newEmail));
      expect(created.name).toBe("New Person");
      expect(await membershipOf(db, org.id, newEmail)).toMatchObject({ role: "frontline", attributes: { team: "Care", location: "Riga", role: "Agent", manager: "no" }, deactivatedAt: null });
      // Only the file's columns change: the location it left empty and the tenure it does not know stay.
      expect((await membershipOf(db, org.id, moved.email)).attributes).toEqual({ team: "Repairs", location: "Riga", tenure: "1-3y", manager: "yes" });
      expect((await membershipOf(db, org.id, returner.email)).deactivatedAt).toBeNull();
      expect((await membershipOf(db, org.id, leaver.email)).deactivatedAt).toBeInstanceOf(Date);
      expect(await membershipOf(db, org.id, leader.email)).toMatchObject({ role: "leader", attributes: {}, deactivatedAt: null });
      const audit = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "roster.imported")));
      expect(audit).toEqual([{ details: { created: 1, updated: 2, unchanged: 0, skipped: 1, deactivated: 1, invalidRows: 0 } }]);
    });
  });

  it("refuses to deactivate the missing while rows have errors, and imports nothing without an email column", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(confirmRosterImport(db, researcher.actor, org.id, { csv: csv("Bad,nope,Care,Riga,Agent,no"), deactivateMissing: "on" })).rejects.toMatchObject({ messageKey: "rosterFixErrorsFirst" });
      await expect(confirmRosterImport(db, researcher.actor, org.id, { csv: "name,team\nAna,Care", deactivateMissing: false })).rejects.toMatchObject({ messageKey: "importMissingColumns" });
      expect((await listRoster(db, researcher.actor, org.id)).total).toBe(0);
    });
  });

  it("keeps an earlier response's attribute snapshot when a re-import moves the person to another team", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const email = `staff-${org.slug}@example.test`;
      await confirmRosterImport(db, researcher.actor, org.id, { csv: csv(`Sam,${email},Care,Riga,Agent,no`) });
      const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      const { instrumentId } = await createOpenInstrument(db, org.id, { audience: ["frontline"] });
      const responseId = randomUUID();
      await saveResponse(db, { userId: staff.id }, { id: org.id }, { responseId, instrumentId, locale: "en", answers: { nps: 9, emp: 4 } }, { complete: true });

      await confirmRosterImport(db, researcher.actor, org.id, { csv: csv(`Sam,${email},Repairs,Gdańsk,Technician,yes`) });

      expect((await membershipOf(db, org.id, email)).attributes).toMatchObject({ team: "Repairs", location: "Gdańsk" });
      const [response] = await db.select({ attributes: responses.attributes }).from(responses).where(eq(responses.id, responseId));
      expect(response.attributes).toEqual({ team: "Care", location: "Riga", role: "Agent", manager: "no" });
    });
  });

  it("lists staff by team, location and status with keyset pages", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const rows = Array.from({ length: 30 }, (_, i) => `P${i},p${String(i).padStart(2, "0")}-${org.slug}@example.test,${i % 3 === 0 ? "Repairs" : "Care"},${i % 2 ? "Riga" : "Warsaw"},Agent,no`);
      await confirmRosterImport(db, researcher.actor, org.id, { csv: csv(...rows) });

      const first = await listRoster(db, researcher.actor, org.id);
      expect(first.total).toBe(30);
      expect(first.staff).toHaveLength(25);
      const second = await listRoster(db, researcher.actor, org.id, { after: first.nextCursor! });
      expect(second.staff).toHaveLength(5);
      expect(second.nextCursor).toBeNull();
      expect((await listRoster(db, researcher.actor, org.id, { team: "Repairs", location: "Riga" })).total).toBe(5);

      await setStaffActive(db, researcher.actor, org.id, { membershipId: first.staff[0].membershipId, isActive: false });
      expect((await listRoster(db, researcher.actor, org.id, { status: "inactive" })).staff.map((person) => person.email)).toEqual([first.staff[0].email]);
      expect((await listRoster(db, researcher.actor, org.id, { status: "active" })).total).toBe(29);
    });
  });
});

describe("roster access", () => {
  const database = useTestDatabase();

  it("locks a deactivated staff member out of the organization and lets them back in on reactivation", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const staff = await createMember(db, org.id, "frontline");
      await expect(requirePermission(db, staff.actor, { id: org.id }, "portal.view")).resolves.toMatchObject({ role: "frontline" });

      await setStaffActive(db, researcher.actor, org.id, { membershipId: staff.membershipId, isActive: "false" });
      await expect(requirePermission(db, staff.actor, { id: org.id }, "portal.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(requirePermission(db, staff.actor, { id: org.id }, "frontline.submit")).rejects.toMatchObject({ code: "NOT_FOUND" });

      await setStaffActive(db, researcher.actor, org.id, { membershipId: staff.membershipId, isActive: "true" });
      await expect(requirePermission(db, staff.actor, { id: org.id }, "portal.view")).resolves.toMatchObject({ role: "frontline" });
      const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, staff.membershipId));
      expect(actions.map((entry) => entry.action).sort()).toEqual(["staff.deactivated", "staff.reactivated"]);
    });
  });

  it("keeps tenants apart: another organization's researcher cannot see, import into or deactivate this roster", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const outsider = await createMember(db, other.id, "researcher");
      const staff = await createMember(db, org.id, "frontline");
      const leader = await createMember(db, org.id, "leader");
      await expect(listRoster(db, outsider.actor, org.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(previewRosterImport(db, outsider.actor, org.id, { csv: csv("A,a@example.test,,,,") })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(setStaffActive(db, outsider.actor, org.id, { membershipId: staff.membershipId, isActive: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Its own researcher cannot reach a membership of this organization through their own.
      await expect(setStaffActive(db, outsider.actor, other.id, { membershipId: staff.membershipId, isActive: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listRoster(db, leader.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await membershipOf(db, org.id, staff.email)).deactivatedAt).toBeNull();
    });
  });
});
