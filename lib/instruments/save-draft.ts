import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { saveDraftSchema, type SaveDraftInput } from "./schemas";

/**
 * Saves the builder's draft. Published versions are never touched: respondents keep answering
 * the latest published version until the draft is published. Two editors cannot overwrite each
 * other: a save based on an outdated revision is refused with CONFLICT.
 */
export async function saveDraft(db: Db, actor: Actor | null, orgId: string, input: SaveDraftInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  const { instrumentId, name, revision, definition } = saveDraftSchema.parse(input);
  const [saved] = await db
    .update(instruments)
    .set({ name, draft: definition, draftRevision: sql`${instruments.draftRevision} + 1`, hasUnpublishedChanges: true, updatedAt: new Date() })
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organization.id), eq(instruments.draftRevision, revision)))
    .returning({ revision: instruments.draftRevision });
  if (saved) return saved;
  const [exists] = await db.select({ id: instruments.id }).from(instruments).where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organization.id)));
  throw exists ? new AppError("CONFLICT", "draftOutdated") : new AppError("NOT_FOUND", "notFound");
}
