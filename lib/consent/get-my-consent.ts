import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MemberProgramKind } from "@/lib/programs/program-kinds";
import { knownPromises } from "./data-use-promises";
import { currentConsentTexts, memberConsentStates } from "./read-consent";

/**
 * What a member sees of their own consent in a council or panel: each purpose's state with the
 * version and date of their answer and the current text, what changed since they answered, and the
 * program's promises. Someone who is not (or no longer) a member finds nothing.
 */
export async function getMyConsent(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  const [program] = await db
    .select({ id: programs.id, promises: programs.dataUsePromises })
    .from(programs)
    .innerJoin(programMembers, and(eq(programMembers.programId, programs.id), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"])))
    .where(and(eq(programs.id, programId), eq(programs.organizationId, organization.id), eq(programs.kind, kind)))
    .limit(1);
  if (!program) throw new AppError("NOT_FOUND", "notFound");
  const [states, texts] = await Promise.all([memberConsentStates(db, program.id, userId), currentConsentTexts(db, program.id)]);
  return {
    purposes: states.map((state) => ({ ...state, text: texts.get(state.purpose)?.body ?? null })),
    // Changed: answered before, and a material version came since (never-asked purposes simply wait in "Your consents").
    changed: states.filter((state) => state.status === "needs_answer" && state.answeredVersion !== null).map((state) => state.purpose),
    promises: knownPromises(program.promises),
  };
}
