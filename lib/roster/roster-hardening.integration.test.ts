import { randomUUID } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { confirmRosterImport, previewRosterImport } from "./import-roster";
import { setStaffActive } from "./set-staff-active";

const HEADER = "name,email,team,location,role,manager";

describe("roster import with hostile files", () => {
  const database = useTestDatabase();

  it("refuses a binary file with a translated error and writes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const binary = `${HEADER}\nNul\u0000l,nul-${randomUUID()}@example.test,Ca\u0000re,Riga,Agent,no\n`;
      await expect(previewRosterImport(db, researcher.actor, org.id, { csv: binary })).rejects.toMatchObject({ code: "INVALID", messageKey: "importNotText" });
      await expect(confirmRosterImport(db, researcher.actor, org.id, { csv: binary })).rejects.toMatchObject({ code: "INVALID", messageKey: "importNotText" });
      const staff = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.organizationId, org.id));
      expect(staff).toHaveLength(1);
    });
  });

  it("answers an empty file with its own translated message, not a generic one", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(previewRosterImport(db, researcher.actor, org.id, { csv: "" })).rejects.toMatchObject({ code: "INVALID", messageKey: "importEmpty" });
      await expect(confirmRosterImport(db, researcher.actor, org.id, { csv: "" })).rejects.toMatchObject({ code: "INVALID", messageKey: "importEmpty" });
    });
  });

  it("answers not found for a malformed, unknown, non-staff or other tenant's membership, and changes nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const leader = await createMember(db, org.id, "leader");
      const outsiderStaff = await createMember(db, other.id, "frontline");
      for (const membershipId of ["not-a-uuid", "", randomUUID(), leader.membershipId, outsiderStaff.membershipId]) {
        await expect(setStaffActive(db, researcher.actor, org.id, { membershipId, isActive: false }), membershipId).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      const staff = await createMember(db, org.id, "frontline");
      await expect(setStaffActive(db, staff.actor, org.id, { membershipId: staff.membershipId, isActive: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const deactivated = await db.select({ id: memberships.id }).from(memberships).where(isNotNull(memberships.deactivatedAt));
      expect(deactivated.filter((row) => [leader.membershipId, outsiderStaff.membershipId, staff.membershipId].includes(row.id))).toEqual([]);
    });
  });

  it("confirms the same file twice (a double click, two tabs) into one roster entry per person", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const email = `twice-${randomUUID()}@example.test`;
      const file = `${HEADER}\nTwice,${email},Care,Riga,Agent,no\n`;
      const first = await confirmRosterImport(db, researcher.actor, org.id, { csv: file });
      const second = await confirmRosterImport(db, researcher.actor, org.id, { csv: file });
      expect(first.counts).toMatchObject({ new: 1, unchanged: 0 });
      expect(second.counts).toMatchObject({ new: 0, unchanged: 1 });
      const staff = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "frontline")));
      expect(staff).toHaveLength(1);
    });
  });
});
