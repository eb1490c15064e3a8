import "server-only";
import { AUDIT_ACTIONS } from "./actions";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

export const AUDIT_PAGE_SIZE = 50;


export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The organization's audit trail, newest first, by keyset on the append-only id. Admins only. */
export async function listAuditEntries(db: Db, actor: Actor | null, org: OrgRef, query: AuditQuery) {
  const { organization } = await requirePermission(db, actor, org, "audit.view");
  const { action, before } = auditQuerySchema.parse(query);
  const conditions: SQL[] = [eq(auditLog.organizationId, organization.id)];
  if (action) conditions.push(eq(auditLog.action, action));
  if (before) conditions.push(lt(auditLog.id, before));
  const rows = await db
    .select({ id: auditLog.id, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, details: auditLog.details, createdAt: auditLog.createdAt, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  return { entries, nextBefore: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1].id : null };
}
