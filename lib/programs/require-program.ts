import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MemberProgramKind } from "./program-kinds";

/** A council or panel of this organization, or NOT_FOUND: another tenant's program is answered like one that does not exist. */
export async function requireProgram(db: Db, orgId: string, programId: string, kind: MemberProgramKind) {
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  const [program] = await db
    .select({
      id: programs.id,
      name: programs.name,
      defaultLocale: programs.defaultLocale,
      status: programs.status,
      targetSize: programs.targetSize,
      compositionTargets: programs.compositionTargets,
      panelQuotas: programs.panelQuotas,
    })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, orgId), eq(programs.kind, kind)))
    .limit(1);
  if (!program) throw new AppError("NOT_FOUND", "notFound");
  return program;
}
