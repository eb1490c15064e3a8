import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

/** An organization's keys, newest first, revoked ones included (marked), never their secrets. */
export async function listApiKeys(db: Db, actor: Actor | null, org: OrgRef) {
  const context = await requirePermission(db, actor, org, "apikeys.manage");
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt, createdByName: users.name, createdByEmail: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.organizationId, context.organization.id))
    .orderBy(desc(apiKeys.createdAt))
    .limit(200);
}
