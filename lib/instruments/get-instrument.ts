import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

/** An instrument's draft and settings, for the builder. Another tenant's id is not found. */
export async function getInstrument(db: Db, actor: Actor | null, orgId: string, instrumentId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.view");
  if (!isUuid(instrumentId)) throw new AppError("NOT_FOUND", "notFound");
  const [instrument] = await db
    .select({
      id: instruments.id,
      name: instruments.name,
      draft: instruments.draft,
      draftRevision: instruments.draftRevision,
      latestVersion: instruments.latestVersion,
      hasUnpublishedChanges: instruments.hasUnpublishedChanges,
      isOpen: instruments.isOpen,
      audience: instruments.audience,
      updatedAt: instruments.updatedAt,
    })
    .from(instruments)
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organization.id)));
  if (!instrument) throw new AppError("NOT_FOUND", "notFound");
  const versions = await db
    .select({ id: instrumentVersions.id, version: instrumentVersions.version, publishedAt: instrumentVersions.publishedAt })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, instrument.id))
    .orderBy(desc(instrumentVersions.version));
  return { ...instrument, versions };
}
