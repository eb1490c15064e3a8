import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { apiKeyIdOfUser } from "@/lib/api-keys/api-key-user";
import type { AuditAction } from "./actions";

export interface AuditEntry {
  organizationId: string | null;
  actorUserId: string | null;
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
    // Work done through a key is recorded under the key's own user row; the key itself is kept too.
    actorApiKeyId: apiKeyIdOfUser(entry.actorUserId),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
