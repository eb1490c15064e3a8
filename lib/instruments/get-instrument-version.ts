import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** One published version of an instrument with its frozen definition; another tenant's is not found. */
export async function getInstrumentVersion(db: Db, actor: Actor | null, orgId: string, instrumentId: string, version: number) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.view");
  if (!isUuid(instrumentId)) throw new AppError("NOT_FOUND", "notFound");
  const [found] = await db
    .select({ version: instrumentVersions.version, publishedAt: instrumentVersions.publishedAt, definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.instrumentId, instrumentId), eq(instrumentVersions.organizationId, organization.id), eq(instrumentVersions.version, version)));
  if (!found) throw new AppError("NOT_FOUND", "notFound");
  return found;
}
