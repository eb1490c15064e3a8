import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { findProgramInvitation, joinProgram } from "@/lib/programs/join-program";
import type { JoinCouncilInput } from "./schemas";

/** Looks a council invitation up by its token without using it, for the page that asks for consent. */
export async function findCouncilInvitation(db: Db, token: string, now = new Date()) {
  const invitation = await findProgramInvitation(db, token, now);
  if (invitation.programKind !== "council") throw new AppError("NOT_FOUND", "invitationInvalid");
  return { ...invitation, councilId: invitation.programId, councilName: invitation.programName, councilStatus: invitation.programStatus };
}

/** Joins a council through the shared join (consent, profile, segment attributes). */
export async function joinCouncil(db: Db, actor: Actor | null, input: JoinCouncilInput & { panelOptIn?: string | boolean }, now = new Date()) {
  const joined = await joinProgram(db, actor, input, now);
  return { organizationSlug: joined.organizationSlug, councilId: joined.programId };
}
