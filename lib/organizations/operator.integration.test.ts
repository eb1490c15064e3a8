import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, devMailbox, invitations, kpiDefinitions, memberships, users } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createOrganization as createOrganizationRow, createUser } from "@/tests/factories";
import { addMemberAsOperator } from "./add-member";
import { createOrganizationAsOperator } from "./create-organization";
import { findOrganizationBySlug } from "./find-organization";
import { inviteMemberAsOperator } from "./invite-member";

const unique = () => randomUUID().slice(0, 8);

describe("operator paths (command line)", () => {
  const database = useTestDatabase();

  it("creates an organization with a free slug, its built-in KPIs and a first admin, audited with no actor", async () => {
    await database.inRollback(async (db) => {
      const name = `Acme ${unique()}`;
      const first = await createOrganizationAsOperator(db, { name, defaultLocale: "pl", adminEmail: ` Boss.${unique()}@Example.test ` });
      const second = await createOrganizationAsOperator(db, { name });
      expect(second.slug).toBe(`${first.slug}-2`);
      expect(first.admin).toMatchObject({ role: "admin", isNewAccount: true });
      expect(second.admin).toBeNull();

      const [membership] = await db.select({ role: memberships.role, email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.organizationId, first.id));
      expect(membership.role).toBe("admin");
      expect(membership.email).toMatch(/^boss\.[0-9a-f]{8}@example\.test$/);
      expect((await db.select().from(kpiDefinitions).where(eq(kpiDefinitions.organizationId, first.id))).length).toBeGreaterThan(0);
      const entries = await db.select({ action: auditLog.action, actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, first.id));
      expect(entries.map((entry) => entry.action).sort()).toEqual(["member.joined", "organization.created"]);
      for (const entry of entries) expect(entry).toMatchObject({ actorUserId: null, details: { via: "cli" } });
      expect((await findOrganizationBySlug(db, first.slug)).id).toBe(first.id);
    });
  });

  it("refuses a bad name, locale or admin email and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const name = `Nope ${unique()}`;
      await expect(createOrganizationAsOperator(db, { name: "x" })).rejects.toThrow();
      await expect(createOrganizationAsOperator(db, { name, defaultLocale: "de" as never })).rejects.toThrow();
      await expect(createOrganizationAsOperator(db, { name, adminEmail: "not-an-email" })).rejects.toThrow();
      await expect(findOrganizationBySlug(db, name.toLowerCase().replace(" ", "-"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("adds a member with a role, reusing an existing account, and refuses a second membership", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganizationRow(db);
      const fresh = await addMemberAsOperator(db, org.id, { email: `new.${unique()}@example.test`, role: "researcher", name: "Rae Search" });
      expect(fresh).toMatchObject({ role: "researcher", isNewAccount: true });
      const [account] = await db.select({ name: users.name }).from(users).where(eq(users.id, fresh.userId));
      expect(account.name).toBe("Rae Search");

      const existing = await createUser(db);
      const joined = await addMemberAsOperator(db, org.id, { email: existing.email.toUpperCase(), role: "leader" });
      expect(joined).toMatchObject({ userId: existing.id, isNewAccount: false });

      await expect(addMemberAsOperator(db, org.id, { email: existing.email, role: "admin" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "alreadyMember" });
      await expect(addMemberAsOperator(db, org.id, { email: `x.${unique()}@example.test`, role: "owner" as never })).rejects.toThrow();
      const roles = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.organizationId, org.id));
      expect(roles.map((row) => row.role).sort()).toEqual(["leader", "researcher"]);
    });
  });

  it("invites by email like the admin page does, with no inviter", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganizationRow(db);
      const email = `invited.${unique()}@example.test`;
      await inviteMemberAsOperator(db, await findOrganizationBySlug(db, org.slug), { email, role: "participant", locale: "ru" }, "http://localhost:3000");
      const [invitation] = await db.select({ invitedByUserId: invitations.invitedByUserId, role: invitations.role }).from(invitations).where(and(eq(invitations.organizationId, org.id), eq(invitations.email, email)));
      expect(invitation).toEqual({ invitedByUserId: null, role: "participant" });
      const [mail] = await db.select({ subject: devMailbox.subject, text: devMailbox.text }).from(devMailbox).where(eq(devMailbox.to, email));
      expect(mail.subject).toMatch(/[а-яА-Я]/);
      expect(mail.text).toMatch(/http:\/\/localhost:3000\/invite\/[\w-]{43}/);
      const [entry] = await db.select({ actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "member.invited")));
      expect(entry).toEqual({ actorUserId: null, details: { role: "participant", via: "cli" } });
    });
  });
});
