import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** A council of this organization, or NOT_FOUND: another tenant's council is answered like one that does not exist. */
export async function requireCouncil(db: Db, orgId: string, councilId: string) {
  if (!isUuid(councilId)) throw new AppError("NOT_FOUND", "notFound");
  const [council] = await db
    .select({ id: programs.id, name: programs.name, defaultLocale: programs.defaultLocale, status: programs.status, targetSize: programs.targetSize, compositionTargets: programs.compositionTargets })
    .from(programs)
    .where(and(eq(programs.id, councilId), eq(programs.organizationId, orgId), eq(programs.kind, "council")))
    .limit(1);
  if (!council) throw new AppError("NOT_FOUND", "notFound");
  return council;
}
