import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { erasePerson, type ErasureReceipt } from "@/lib/privacy/erase-person";
import { eraseParticipantSchema, PARTICIPANT_ROLES, type EraseParticipantInput } from "./schemas";

/**
 * Erases a participant (or frontline staff member) by user id exactly as the admin privacy page
 * does, the caller restating their email as the admin retypes it; answers the erasure receipt.
 */
export async function eraseParticipant(db: Db, actor: Actor | null, org: OrgRef, participantId: string, rawInput: EraseParticipantInput): Promise<ErasureReceipt> {
  const { organization } = await requirePermission(db, actor, org, "participants.manage");
  const input = eraseParticipantSchema.parse(rawInput);
  const [membership] = isUuid(participantId)
    ? await db.select({ id: memberships.id, role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, participantId))).limit(1)
    : [];
  if (!membership || !(PARTICIPANT_ROLES as readonly string[]).includes(membership.role)) throw new AppError("NOT_FOUND", "notFound");
  return erasePerson(db, actor, organization.id, { membershipId: membership.id, confirmation: input.confirmation, reference: input.reference });
}
