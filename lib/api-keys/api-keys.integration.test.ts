import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, auditLog } from "@/db/schema";
import { requirePermission } from "@/lib/authz/require-permission";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey, issueApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey, revokeApiKeyAsOperator } from "./revoke-api-key";

describe("API keys", () => {
  const database = useTestDatabase();

  it("stores only a digest, shows the key once, and authenticates it into its organization", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const issued = await createApiKey(db, admin.actor, { id: org.id }, { name: "CRM sync", scopes: ["responses:write", "kpis:read"] });
      expect(issued.secret).toMatch(/^attune_[\w-]{43}$/);
      const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, issued.id));
      expect(JSON.stringify(stored)).not.toContain(issued.secret);
      expect(issued.secret.startsWith(stored.prefix)).toBe(true);

      const actor = await authenticateApiKey(db, `Bearer ${issued.secret}`);
      expect(actor).toMatchObject({ apiKeyId: issued.id, organizationId: org.id, scopes: ["responses:write", "kpis:read"] });
      const [listed] = await listApiKeys(db, admin.actor, { id: org.id });
      expect(listed.lastUsedAt).not.toBeNull();
      expect(listed).not.toHaveProperty("secretHash");
    });
  });

  it("refuses a missing, malformed, unknown or revoked key with UNAUTHENTICATED", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      const issued = await createApiKey(db, admin.actor, { id: org.id }, { name: "Old", scopes: ["kpis:read"] });
      for (const header of [null, "", "Basic abc", "Bearer nope", `Bearer ${issued.secret}x`]) {
        await expect(authenticateApiKey(db, header)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      }
      await revokeApiKey(db, admin.actor, { id: org.id }, issued.id);
      await expect(authenticateApiKey(db, `Bearer ${issued.secret}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(revokeApiKey(db, admin.actor, { id: org.id }, issued.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("lets a key act only in its organization and within its scopes, and attributes its work in the audit log", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const issued = await issueApiKey(db, org.id, { name: "Reader", scopes: ["responses:write", "kpis:read"] }, null);
      const actor = await authenticateApiKey(db, `Bearer ${issued.secret}`);

      await expect(requirePermission(db, actor, { id: org.id }, "responses.view")).resolves.toMatchObject({ organization: { id: org.id } });
      await expect(requirePermission(db, actor, { id: org.id }, "dashboard.view")).resolves.toBeTruthy();
      await expect(requirePermission(db, actor, { id: org.id }, "instruments.manage")).rejects.toMatchObject({ code: "FORBIDDEN" });
      // Never for keys, whatever the scopes: people manage members and keys.
      await expect(requirePermission(db, actor, { id: org.id }, "members.manage")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(requirePermission(db, actor, { id: org.id }, "apikeys.manage")).rejects.toMatchObject({ code: "FORBIDDEN" });
      // Another organization does not exist for this key.
      await expect(requirePermission(db, actor, { id: other.id }, "org.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(requirePermission(db, actor, { slug: other.slug }, "org.view")).rejects.toMatchObject({ code: "NOT_FOUND" });

      const admin = await createMember(db, org.id, "admin");
      await revokeApiKey(db, admin.actor, { id: org.id }, issued.id);
      const [created] = await db.select({ actorApiKeyId: auditLog.actorApiKeyId, actorUserId: auditLog.actorUserId }).from(auditLog).where(eq(auditLog.action, "apikey.created"));
      expect(created.actorUserId).toBeNull();
    });
  });

  it("refuses a key without a name or scopes and stores nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const admin = await createMember(db, org.id, "admin");
      await expect(createApiKey(db, admin.actor, { id: org.id }, { name: " ", scopes: ["kpis:read"] })).rejects.toThrow();
      await expect(createApiKey(db, admin.actor, { id: org.id }, { name: "X", scopes: [] })).rejects.toThrow();
      await expect(createApiKey(db, admin.actor, { id: org.id }, { name: "X", scopes: ["kpis:write" as never] })).rejects.toThrow();
      expect(await listApiKeys(db, admin.actor, { id: org.id })).toEqual([]);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(createApiKey(db, researcher.actor, { id: org.id }, { name: "X", scopes: ["kpis:read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("lets an operator issue and revoke a key from the command line, audited with no actor", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const issued = await issueApiKey(db, org.id, { name: "CI", scopes: ["kpis:read"] }, null);
      await expect(revokeApiKeyAsOperator(db, other.id, issued.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await revokeApiKeyAsOperator(db, org.id, issued.id);
      await expect(authenticateApiKey(db, `Bearer ${issued.secret}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      const entries = await db.select({ action: auditLog.action, actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, org.id));
      expect(entries.map((entry) => entry.action).sort()).toEqual(["apikey.created", "apikey.revoked"]);
      for (const entry of entries) expect(entry).toMatchObject({ actorUserId: null, details: { via: "cli" } });
    });
  });
});
