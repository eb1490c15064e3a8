import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization, createUser } from "@/tests/factories";
import { changeMemberRole, removeMember } from "./change-member-role";
import { createOrganization as startOrganization } from "./create-organization";
import { listMembers } from "./list-members";
import { listMyOrganizations } from "./list-my-organizations";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";

describe("members and organizations", () => {
  const database = useTestDatabase();

  it("changes a role, records it in the audit log, and never leaves an organization without an admin", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const researcher = await createMember(db, org.id, "researcher");

      await changeMemberRole(db, admin.actor, org.id, { membershipId: researcher.membershipId, role: "leader" });
      const [changed] = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.id, researcher.membershipId));
      expect(changed.role).toBe("leader");
      const audit = await db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, org.id));
      expect(audit).toContainEqual({ action: "member.role_changed", details: { from: "researcher", to: "leader" } });

      await expect(changeMemberRole(db, admin.actor, org.id, { membershipId: admin.membershipId, role: "leader" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "lastAdmin" });
      await expect(removeMember(db, admin.actor, org.id, { membershipId: admin.membershipId })).rejects.toMatchObject({ code: "CONFLICT" });

      await changeMemberRole(db, admin.actor, org.id, { membershipId: researcher.membershipId, role: "admin" });
      await removeMember(db, admin.actor, org.id, { membershipId: admin.membershipId });
      expect((await listMembers(db, researcher.actor, org.id)).members.map((m) => m.role)).toEqual(["admin"]);
    });
  });

  it("lets one person hold different roles in several organizations", async () => {
    await database.inRollback(async (db) => {
      const person = await createUser(db);
      const first = await startOrganization(db, { userId: person.id }, { name: "Zeta Stores", defaultLocale: "pl" });
      const second = await startOrganization(db, { userId: person.id }, { name: "Zeta Stores", defaultLocale: "en" });
      expect(first.slug).toBe("zeta-stores");
      expect(second.slug).toBe("zeta-stores-2");
      const other = await createOrganization(db);
      await db.insert(memberships).values({ organizationId: other.id, userId: person.id, role: "participant" });
      const mine = await listMyOrganizations(db, { userId: person.id });
      expect(mine.map((o) => [o.slug, o.role]).sort()).toEqual([[other.slug, "participant"], ["zeta-stores", "admin"], ["zeta-stores-2", "admin"]].sort());
    });
  });

  it("refuses an organization name that is too short, writing nothing", async () => {
    await database.inRollback(async (db) => {
      const person = await createUser(db);
      await expect(startOrganization(db, { userId: person.id }, { name: " x ", defaultLocale: "en" })).rejects.toThrow();
      expect(await listMyOrganizations(db, { userId: person.id })).toEqual([]);
    });
  });
});

describe("listing members", () => {
  const database = useTestDatabase();

  it("pages by email cursor and filters by role and search without repeating anyone", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin", { email: "aaa-admin@example.test" });
      for (let i = 0; i < 30; i++) await createMember(db, org.id, "participant", { email: `p${String(i).padStart(2, "0")}@example.test`, name: i === 7 ? "Zofia_Percent%" : "Someone" });
      const first = await listMembers(db, admin.actor, org.id);
      expect(first.members).toHaveLength(25);
      expect(first.nextCursor).toBe(first.members[24].email);
      const second = await listMembers(db, admin.actor, org.id, { after: first.nextCursor! });
      expect(second.members).toHaveLength(6);
      expect(second.nextCursor).toBeNull();
      const all = [...first.members, ...second.members].map((m) => m.email);
      expect(new Set(all).size).toBe(31);

      expect((await listMembers(db, admin.actor, org.id, { role: "admin" })).members.map((m) => m.email)).toEqual(["aaa-admin@example.test"]);
      expect((await listMembers(db, admin.actor, org.id, { q: "percent%" })).members.map((m) => m.email)).toEqual(["p07@example.test"]);
      expect((await listMembers(db, admin.actor, org.id, { q: "%" })).members.map((m) => m.email)).toEqual(["p07@example.test"]);
    });
  });
});

describe("audit log", () => {
  const database = useTestDatabase();

  it("shows an admin the organization's entries, newest first, filtered and paged; nobody else", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const leader = await createMember(db, org.id, "leader");
      const otherAdmin = await createMember(db, other.id, "admin");
      for (const role of ["researcher", "leader", "participant"] as const) await changeMemberRole(db, admin.actor, org.id, { membershipId: leader.membershipId, role });
      await changeMemberRole(db, otherAdmin.actor, other.id, { membershipId: otherAdmin.membershipId, role: "admin" });

      const { entries } = await listAuditEntries(db, admin.actor, { id: org.id }, { action: "member.role_changed" });
      expect(entries.map((e) => e.details.to)).toEqual(["participant", "leader", "researcher"]);
      expect(entries[0].actorEmail).toBe(admin.email);
      const older = await listAuditEntries(db, admin.actor, { id: org.id }, { before: entries[0].id });
      expect(older.entries.map((e) => e.details.to)).toEqual(["leader", "researcher"]);
      await expect(listAuditEntries(db, leader.actor, { id: org.id }, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listAuditEntries(db, otherAdmin.actor, { id: org.id }, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
