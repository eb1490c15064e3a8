import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * A program of the organization, for someone who may manage its kind: councils.manage for a
 * council, frontline.manage for the frontline program. Anything else is not found.
 */
export async function requireProgram(db: Db, actor: Actor | null, orgId: string, programId: string) {
  if (!isUuid(programId) || !isUuid(orgId)) throw new AppError("NOT_FOUND", "notFound");
  const [program] = await db
    .select({ id: programs.id, kind: programs.kind, name: programs.name, organizationId: programs.organizationId, defaultLocale: programs.defaultLocale })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, orgId)));
  const context = await requirePermission(db, actor, { id: orgId }, program?.kind === "frontline" ? "frontline.manage" : "councils.manage");
  if (!program) throw new AppError("NOT_FOUND", "notFound");
  return { ...context, program };
}
