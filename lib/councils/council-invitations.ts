import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { invitationState, listProgramInvitations, revokeProgramInvitation, type ProgramInvitationState } from "@/lib/programs/program-invitations";
import { councilInvitationIdSchema } from "./schemas";

export { invitationState };
export type CouncilInvitationState = ProgramInvitationState;

/** A council's invitations, newest first, each with its state (pending, expired, accepted, revoked). */
export function listCouncilInvitations(db: Db, actor: Actor | null, orgId: string, councilId: string, now = new Date()) {
  return listProgramInvitations(db, actor, orgId, "council", councilId, now);
}

export async function revokeCouncilInvitation(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { councilId, invitationId } = councilInvitationIdSchema.parse(input);
  await revokeProgramInvitation(db, actor, orgId, "council", { programId: councilId, invitationId }, now);
}
