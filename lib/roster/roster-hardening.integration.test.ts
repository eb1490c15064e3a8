import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { confirmRosterImport, previewRosterImport } from "./import-roster";

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
});
