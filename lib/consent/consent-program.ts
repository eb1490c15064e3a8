import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { MemberProgramKind } from "@/lib/programs/program-kinds";

/** The organization's council or panel, locked for a change of its consent texts or promises; anything else is not found. */
export async function lockConsentProgram(tx: Db, organizationId: string, kind: MemberProgramKind, programId: string) {
  const [program] = await tx
    .select({ id: programs.id, name: programs.name, kind: programs.kind, defaultLocale: programs.defaultLocale, dataUsePromises: programs.dataUsePromises })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, organizationId), eq(programs.kind, kind)))
    .for("update");
  if (!program) throw new AppError("NOT_FOUND", "notFound");
  return program;
}
