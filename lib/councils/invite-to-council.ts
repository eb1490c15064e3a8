import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { importProgramInvitations, issueProgramInvitations, previewProgramInvitations, PROGRAM_INVITATION_TTL_DAYS } from "@/lib/programs/invite-to-program";
import { councilIdSchema, inviteToCouncilSchema } from "./schemas";

export const COUNCIL_INVITATION_TTL_DAYS = PROGRAM_INVITATION_TTL_DAYS;

/** Invites one customer; an address that is already an active member is refused. */
export async function inviteToCouncil(db: Db, actor: Actor | null, orgId: string, input: unknown, baseUrl: string, now = new Date()) {
  const { councilId, ...invitee } = inviteToCouncilSchema.parse(input);
  const result = await issueProgramInvitations(db, actor, orgId, { kind: "council", id: councilId }, [invitee], baseUrl, now);
  if (result.skipped.length > 0) throw new AppError("CONFLICT", "alreadyCouncilMember", { email: "alreadyCouncilMember" });
  return result.invited[0];
}

/** Step one of an import: the rows, merged duplicates and row errors of a CSV. Nothing is written. */
export async function previewCouncilInvitations(db: Db, actor: Actor | null, orgId: string, csv: string) {
  return previewProgramInvitations(db, actor, orgId, "council", csv);
}

/** Imports a CSV after its preview: only valid rows are invited; active members are skipped and reported. */
export async function importCouncilInvitations(db: Db, actor: Actor | null, orgId: string, input: { councilId: string; csv: string }, baseUrl: string, now = new Date()) {
  const { councilId } = councilIdSchema.parse(input);
  return importProgramInvitations(db, actor, orgId, { kind: "council", id: councilId }, input.csv, baseUrl, now);
}
