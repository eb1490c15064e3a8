import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programCycles } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";
import { responseRate } from "./response-rate";
import { requireProgram } from "./require-program";

export interface CycleSummary {
  id: string;
  sequence: number;
  opensAt: Date;
  closesAt: Date;
  status: "scheduled" | "open" | "closed";
  instrumentId: string | null;
  invited: number;
  responded: number;
  responseRate: number | null;
  hasPublishedMemo: boolean;
}

/** A program's cycles, newest first, with how many were invited and answered (counts only, never who). */
export async function listProgramCycles(db: Db, actor: Actor | null, orgId: string, programId: string): Promise<CycleSummary[]> {
  const { program } = await requireProgram(db, actor, orgId, programId);
  // Correlated counts name the outer table explicitly: drizzle leaves a lone table's columns unqualified.
  const rows = await db
    .select({
      id: programCycles.id,
      sequence: programCycles.sequence,
      opensAt: programCycles.opensAt,
      closesAt: programCycles.closesAt,
      status: programCycles.status,
      instrumentId: programCycles.instrumentId,
      invited: sql<number>`(select count(*)::int from cycle_notifications n where n.cycle_id = program_cycles.id and n.kind = 'invitation')`,
      responded: sql<number>`(select count(*)::int from responses r where r.instrument_id = program_cycles.instrument_id and r.status = 'completed')`,
      hasPublishedMemo: sql<boolean>`exists (select 1 from cycle_memos m where m.cycle_id = program_cycles.id and m.status = 'published')`,
    })
    .from(programCycles)
    .where(eq(programCycles.programId, program.id))
    .orderBy(desc(programCycles.sequence));
  return rows.map((row) => ({ ...row, responseRate: responseRate(row.responded, row.invited) }));
}
