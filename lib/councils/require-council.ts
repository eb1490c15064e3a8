import "server-only";
import type { Db } from "@/db/client";
import { requireProgram } from "@/lib/programs/require-program";

/** A council of this organization, or NOT_FOUND: another tenant's council is answered like one that does not exist. */
export function requireCouncil(db: Db, orgId: string, councilId: string) {
  return requireProgram(db, orgId, councilId, "council");
}
