import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { CONSENT_PURPOSES } from "@/db/schema/privacy";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { MANAGE_PERMISSION, type MemberProgramKind } from "@/lib/programs/program-kinds";
import { knownPromises } from "./data-use-promises";
import { consentTextHistory, membersConsentStates } from "./read-consent";

async function requireManagedProgram(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[kind]);
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  const [program] = await db.select({ id: programs.id, promises: programs.dataUsePromises }).from(programs).where(and(eq(programs.id, programId), eq(programs.organizationId, organization.id), eq(programs.kind, kind))).limit(1);
  if (!program) throw new AppError("NOT_FOUND", "notFound");
  return program;
}

/** A council's or panel's consent texts, every version of each purpose newest first, and its data-use promises: the researcher's view. */
export async function getProgramConsent(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string) {
  const program = await requireManagedProgram(db, actor, orgId, kind, programId);
  const history = await consentTextHistory(db, program.id);
  return {
    purposes: CONSENT_PURPOSES.map((purpose) => ({ purpose, versions: history.filter((text) => text.purpose === purpose) })),
    promises: knownPromises(program.promises),
  };
}

/** Each listed member's effective state per purpose, for the members page. */
export async function listMembersConsent(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string, userIds: readonly string[]) {
  const program = await requireManagedProgram(db, actor, orgId, kind, programId);
  return membersConsentStates(db, program.id, userIds);
}
