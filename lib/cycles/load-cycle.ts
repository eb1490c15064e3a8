import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, programCycles, programs } from "@/db/schema";

/** A cycle with its program and organization, locked so two jobs of one cycle never interleave. */
export async function loadCycleForUpdate(db: Db, cycleId: string) {
  const [row] = await db
    .select({ cycle: programCycles, program: programs, org: { slug: organizations.slug, name: organizations.name } })
    .from(programCycles)
    .innerJoin(programs, eq(programs.id, programCycles.programId))
    .innerJoin(organizations, eq(organizations.id, programCycles.organizationId))
    .where(eq(programCycles.id, cycleId))
    .for("update", { of: programCycles });
  return row ?? null;
}
