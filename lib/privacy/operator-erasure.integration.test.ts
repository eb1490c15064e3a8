import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, users } from "@/db/schema";
import { findOrganizationBySlug } from "@/lib/organizations/find-organization";
import { exportPersonDataAsOperator } from "@/lib/participants/export-my-data";
import type { MyDataExport } from "@/lib/participants/my-data-types";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { erasePersonAsOperator } from "./erase-person";

describe("operator paths for a person's data (command line)", () => {
  const database = useTestDatabase();

  it("exports the person's own download and erases them, audited with no actor", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const person = await createMember(db, org.id, "participant", { locale: "pl", name: "Pat Ricipant" });
      const organization = await findOrganizationBySlug(db, org.slug);

      const exported = await exportPersonDataAsOperator(db, organization, { email: person.email.toUpperCase() });
      const data = JSON.parse(exported.body) as MyDataExport;
      expect(data).toMatchObject({ locale: "pl", organization: { slug: org.slug }, account: { email: person.email, name: "Pat Ricipant" }, membership: { role: "participant" } });
      expect(exported.filename).toMatch(new RegExp(`^attune-my-data-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
      expect((await exportPersonDataAsOperator(db, organization, { email: person.email, format: "html", locale: "en" })).body).toContain("Pat Ricipant");

      const receipt = await erasePersonAsOperator(db, org.id, { email: person.email, reference: "ticket 42" });
      expect(receipt).toMatchObject({ isAccountDeleted: true, responses: 0 });
      expect(await db.select().from(users).where(eq(users.id, person.userId))).toEqual([]);
      const entries = await db.select({ action: auditLog.action, actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, org.id));
      expect(entries.find((entry) => entry.action === "person.erased")).toMatchObject({ actorUserId: null, details: { byRequest: true, reference: "ticket 42", via: "cli" } });
      expect(entries.filter((entry) => entry.action === "mydata.exported")).toHaveLength(2);
    });
  });

  it("refuses an unknown email and staff, erasing nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(erasePersonAsOperator(db, org.id, { email: "nobody@example.test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(exportPersonDataAsOperator(db, await findOrganizationBySlug(db, org.slug), { email: "nobody@example.test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(erasePersonAsOperator(db, org.id, { email: researcher.email })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "privacyEraseStaffFirst" });
      expect(await db.select().from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, researcher.userId)))).toHaveLength(1);
    });
  });
});
