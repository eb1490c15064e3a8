import "server-only";
import { AUDIT_ACTIONS } from "./actions";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { isCalendarDay } from "@/lib/calendar-day";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

export const AUDIT_PAGE_SIZE = 50;

const isoDay = z.string().refine(isCalendarDay);

/**
 * What an admin searches the log by. The person is named by account id, never by email: the
 * query string ends up in browser history, and an email must not (see `findAuditActor`).
 */
export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().trim().min(1).max(100).optional().catch(undefined),
  target: z.string().trim().min(1).max(200).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The organization's audit trail, newest first, by keyset on the append-only id. Admins only. */
export async function listAuditEntries(db: Db, actor: Actor | null, org: OrgRef, query: AuditQuery) {
  const { organization } = await requirePermission(db, actor, org, "audit.view");
  const { action, actor: actorUserId, target, from, to, before } = auditQuerySchema.parse(query);
  const conditions: SQL[] = [eq(auditLog.organizationId, organization.id)];
  if (action) conditions.push(eq(auditLog.action, action));
  if (actorUserId) conditions.push(eq(auditLog.actorUserId, actorUserId));
  if (target) conditions.push(eq(auditLog.targetId, target));
  if (from) conditions.push(gte(auditLog.createdAt, new Date(`${from}T00:00:00Z`)));
  // "To" names a whole day: everything before the next midnight.
  if (to) conditions.push(lt(auditLog.createdAt, new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000)));
  if (before) conditions.push(lt(auditLog.id, before));
  const rows = await db
    .select({ id: auditLog.id, action: auditLog.action, actorUserId: auditLog.actorUserId, targetType: auditLog.targetType, targetId: auditLog.targetId, details: auditLog.details, createdAt: auditLog.createdAt, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  const [person] = actorUserId ? await db.select({ email: users.email }).from(users).where(eq(users.id, actorUserId)).limit(1) : [];
  return { entries, nextBefore: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1].id : null, actorFilterEmail: person?.email ?? null };
}
