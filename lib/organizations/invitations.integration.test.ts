import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devMailbox, memberships } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization, createUser } from "@/tests/factories";
import type { Db } from "@/db/connect";
import { acceptInvitation, findInvitation } from "./accept-invitation";
import { inviteMember } from "./invite-member";
import { listOpenInvitations } from "./list-members";
import { revokeInvitation } from "./revoke-invitation";

const BASE_URL = "http://localhost:3000";

async function tokenSentTo(db: Db, email: string): Promise<string> {
  const [mail] = await db.select({ text: devMailbox.text }).from(devMailbox).where(eq(devMailbox.to, email)).orderBy(desc(devMailbox.createdAt)).limit(1);
  const match = mail?.text.match(/\/invite\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no invitation mail to ${email}`);
  return match[1];
}

describe("invitations", () => {
  const database = useTestDatabase();

  it("emails a single-use link that makes the invitee a member with the role", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const invitee = await createUser(db, { email: "new.researcher@example.test" });
      await inviteMember(db, admin.actor, org.id, { email: " New.Researcher@Example.test ", role: "researcher", locale: "pl" }, BASE_URL);
      const token = await tokenSentTo(db, "new.researcher@example.test");

      const accepted = await acceptInvitation(db, { userId: invitee.id }, token);
      expect(accepted).toEqual({ organizationSlug: org.slug, role: "researcher" });
      const rows = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, invitee.id));
      expect(rows).toEqual([{ role: "researcher" }]);

      await expect(acceptInvitation(db, { userId: invitee.id }, token)).rejects.toMatchObject({ code: "GONE", messageKey: "invitationUsed" });
    });
  });

  it("writes the invitation email in the chosen language", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db, { name: "Baltic Test" });
      const admin = await createMember(db, org.id, "admin");
      await inviteMember(db, admin.actor, org.id, { email: "ru@example.test", role: "participant", locale: "ru" }, BASE_URL);
      const [mail] = await db.select({ subject: devMailbox.subject }).from(devMailbox).where(eq(devMailbox.to, "ru@example.test"));
      expect(mail.subject).toMatch(/[а-яА-Я]/);
      expect(mail.subject).toContain("Baltic Test");
    });
  });

  it("refuses an expired link, another person's link and a malformed token", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const invitee = await createUser(db, { email: "late@example.test" });
      const stranger = await createUser(db, { email: "stranger@example.test" });
      const sentAt = new Date("2026-01-01T00:00:00Z");
      await inviteMember(db, admin.actor, org.id, { email: "late@example.test", role: "leader", locale: "en" }, BASE_URL, sentAt);
      const token = await tokenSentTo(db, "late@example.test");

      await expect(acceptInvitation(db, { userId: stranger.id }, token, new Date("2026-01-02T00:00:00Z"))).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "invitationOtherEmail" });
      await expect(acceptInvitation(db, { userId: invitee.id }, token, new Date("2026-01-09T00:00:00Z"))).rejects.toMatchObject({ code: "GONE", messageKey: "invitationExpired" });
      await expect(findInvitation(db, "not-a-token")).rejects.toMatchObject({ code: "NOT_FOUND" });
      const rows = await db.select().from(memberships).where(eq(memberships.organizationId, org.id));
      expect(rows).toHaveLength(1);
    });
  });

  it("re-inviting replaces the old link, and a revoked link stops working", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const invitee = await createUser(db, { email: "twice@example.test" });
      await inviteMember(db, admin.actor, org.id, { email: "twice@example.test", role: "leader", locale: "en" }, BASE_URL);
      const firstToken = await tokenSentTo(db, "twice@example.test");
      const second = await inviteMember(db, admin.actor, org.id, { email: "twice@example.test", role: "researcher", locale: "en" }, BASE_URL, new Date(Date.now() + 1000));
      const secondToken = await tokenSentTo(db, "twice@example.test");
      expect(secondToken).not.toBe(firstToken);

      await expect(acceptInvitation(db, { userId: invitee.id }, firstToken)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listOpenInvitations(db, admin.actor, org.id)).map((i) => i.id)).toEqual([second.id]);

      await revokeInvitation(db, admin.actor, org.id, { invitationId: second.id });
      await expect(acceptInvitation(db, { userId: invitee.id }, secondToken)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("rejects bad input and an existing member without writing anything", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const leader = await createMember(db, org.id, "leader");
      await expect(inviteMember(db, admin.actor, org.id, { email: "not an email", role: "leader", locale: "en" }, BASE_URL)).rejects.toThrow();
      await expect(inviteMember(db, admin.actor, org.id, { email: "a@example.test", role: "owner" as never, locale: "en" }, BASE_URL)).rejects.toThrow();
      await expect(inviteMember(db, admin.actor, org.id, { email: leader.email, role: "admin", locale: "en" }, BASE_URL)).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(inviteMember(db, leader.actor, org.id, { email: "b@example.test", role: "admin", locale: "en" }, BASE_URL)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await listOpenInvitations(db, admin.actor, org.id)).toEqual([]);
      expect(await db.select().from(devMailbox)).toEqual([]);
    });
  });
});
