import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { findAuditActor } from "./find-audit-actor";
import { listAuditEntries } from "./list-audit-entries";
import { recordAudit } from "./record-audit";

describe("the audit log", () => {
  const database = useTestDatabase();

  it("is searched by action, person, record and day, and finds people by email only inside the organization", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const researcher = await createMember(db, org.id, "researcher");
      const outsider = await createMember(db, other.id, "admin");
      await recordAudit(db, { organizationId: org.id, actorUserId: researcher.userId, action: "responses.exported", targetType: "instrument", targetId: "instrument-1", details: { format: "csv" } });
      await recordAudit(db, { organizationId: org.id, actorUserId: admin.userId, action: "member.role_changed", targetType: "membership", targetId: researcher.membershipId });
      await recordAudit(db, { organizationId: org.id, actorUserId: researcher.userId, action: "response.viewed", targetType: "response", targetId: "response-1" });

      const byPerson = await listAuditEntries(db, admin.actor, { id: org.id }, { actor: await findAuditActor(db, admin.actor, { id: org.id }, { email: researcher.email.toUpperCase() }) });
      expect(byPerson.entries.map((entry) => entry.action).sort()).toEqual(["response.viewed", "responses.exported"]);
      expect(byPerson.actorFilterEmail).toBe(researcher.email);

      const byTarget = await listAuditEntries(db, admin.actor, { id: org.id }, { target: researcher.membershipId });
      expect(byTarget.entries.map((entry) => entry.action)).toEqual(["member.role_changed"]);

      const byActionAndPerson = await listAuditEntries(db, admin.actor, { id: org.id }, { action: "responses.exported", actor: researcher.userId });
      expect(byActionAndPerson.entries).toHaveLength(1);

      const today = new Date().toISOString().slice(0, 10);
      expect((await listAuditEntries(db, admin.actor, { id: org.id }, { from: today, to: today })).entries.length).toBeGreaterThanOrEqual(3);
      expect((await listAuditEntries(db, admin.actor, { id: org.id }, { to: "2000-01-01" })).entries).toEqual([]);

      await expect(findAuditActor(db, admin.actor, { id: org.id }, { email: outsider.email })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(findAuditActor(db, admin.actor, { id: org.id }, { email: "not an email" })).rejects.toMatchObject({ name: "ZodError" });
      await expect(findAuditActor(db, researcher.actor, { id: org.id }, { email: admin.email })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("refuses edits and deletions outside erasure", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      await recordAudit(db, { organizationId: org.id, actorUserId: admin.userId, action: "member.invited" });
      await expect(db.transaction((tx) => tx.update(auditLog).set({ action: "member.removed" }).where(sql`${auditLog.organizationId} = ${org.id}`))).rejects.toThrow();
      await expect(db.transaction((tx) => tx.delete(auditLog).where(sql`${auditLog.organizationId} = ${org.id}`))).rejects.toThrow();
      await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('attune.erasure', 'on', true)`);
        await tx.update(auditLog).set({ actorUserId: null }).where(sql`${auditLog.organizationId} = ${org.id}`);
      });
      const entries = await db.select({ actor: auditLog.actorUserId, action: auditLog.action }).from(auditLog).where(sql`${auditLog.organizationId} = ${org.id}`);
      expect(entries).toEqual([{ actor: null, action: "member.invited" }]);
    });
  });
});
