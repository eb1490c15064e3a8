import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { changeMemberRole, removeMember } from "./change-member-role";
import { countMembersByRole } from "./count-members-by-role";
import { inviteMember } from "./invite-member";
import { listMembers, listOpenInvitations } from "./list-members";
import { revokeInvitation } from "./revoke-invitation";

const BASE_URL = "http://localhost:3000";

describe("tenant boundary: an admin of organization A reaches nothing of organization B", () => {
  const database = useTestDatabase();

  async function twoTenants(db: Parameters<Parameters<typeof database.inRollback>[0]>[0]) {
    const orgA = await createOrganization(db);
    const orgB = await createOrganization(db);
    const adminA = await createMember(db, orgA.id, "admin");
    const adminB = await createMember(db, orgB.id, "admin");
    const memberB = await createMember(db, orgB.id, "participant");
    const invitationB = await inviteMember(db, adminB.actor, orgB.id, { email: "guest-b@example.test", role: "leader", locale: "en" }, BASE_URL);
    return { orgA, orgB, adminA, memberB, invitationB };
  }

  it("answers NOT_FOUND for every use case addressed to B", async () => {
    await database.inRollback(async (db) => {
      const { orgB, adminA, memberB, invitationB } = await twoTenants(db);
      const attempts = {
        listMembers: () => listMembers(db, adminA.actor, orgB.id),
        listOpenInvitations: () => listOpenInvitations(db, adminA.actor, orgB.id),
        countMembersByRole: () => countMembersByRole(db, adminA.actor, orgB.id),
        inviteMember: () => inviteMember(db, adminA.actor, orgB.id, { email: "x@example.test", role: "admin", locale: "en" }, BASE_URL),
        changeMemberRole: () => changeMemberRole(db, adminA.actor, orgB.id, { membershipId: memberB.membershipId, role: "admin" }),
        removeMember: () => removeMember(db, adminA.actor, orgB.id, { membershipId: memberB.membershipId }),
        revokeInvitation: () => revokeInvitation(db, adminA.actor, orgB.id, { invitationId: invitationB.id }),
      };
      for (const [name, attempt] of Object.entries(attempts)) {
        await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    });
  });

  it("answers NOT_FOUND when A's id is paired with B's records, and changes nothing", async () => {
    await database.inRollback(async (db) => {
      const { orgA, orgB, adminA, memberB, invitationB } = await twoTenants(db);
      await expect(changeMemberRole(db, adminA.actor, orgA.id, { membershipId: memberB.membershipId, role: "admin" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(removeMember(db, adminA.actor, orgA.id, { membershipId: memberB.membershipId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(revokeInvitation(db, adminA.actor, orgA.id, { invitationId: invitationB.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

      const counts = await db.query.memberships.findMany({ where: (m, { eq }) => eq(m.organizationId, orgB.id) });
      expect(counts.map((m) => m.role).sort()).toEqual(["admin", "participant"]);
      const openB = await db.query.invitations.findMany({ where: (i, { eq }) => eq(i.organizationId, orgB.id) });
      expect(openB.every((i) => i.revokedAt === null)).toBe(true);
    });
  });
});
