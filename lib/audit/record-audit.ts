import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "./actions";

export interface AuditEntry {
  organizationId: string | null;
  actorUserId: string | null;
  /** The API key that made the request, when the action came through the public API. */
  actorApiKeyId?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, string | number | boolean | null>;
}

/** Appends one audit entry. Details carry ids and settings, never response contents. */
export async function recordAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values({
    organizationId: entry.organizationId,
    actorUserId: entry.actorUserId,
    actorApiKeyId: entry.actorApiKeyId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
