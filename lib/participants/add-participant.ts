import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { findParticipant } from "./list-participants";
import { checkAttributeChoices } from "./participant-attributes";
import { addParticipantSchema, type AddParticipantInput } from "./schemas";

/**
 * Adds a customer to the organization as a participant with their segment attributes: the account
 * of that email is used when there is one (its name and language are the person's own and stay),
 * otherwise one is made. Someone who is already a member, in any role, is a conflict.
 */
export async function addParticipant(db: Db, actor: Actor | null, org: OrgRef, rawInput: AddParticipantInput) {
  const { organization } = await requirePermission(db, actor, org, "participants.manage");
  const input = addParticipantSchema.parse(rawInput);
  await checkAttributeChoices(db, organization.id, input.attributes);
  const userId = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`).limit(1);
    const [created] = existing
      ? [existing]
      : await tx.insert(users).values({ email: input.email, name: input.name || null, locale: input.locale ?? null }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    // Made meanwhile by a sign-in or another request with the same address: that one is the member.
    if (!created) throw new AppError("CONFLICT", "alreadyMember", { email: "alreadyMember" });
    const [membership] = await tx
      .insert(memberships)
      .values({ organizationId: organization.id, userId: created.id, role: "participant", attributes: input.attributes })
      .onConflictDoNothing({ target: [memberships.organizationId, memberships.userId] })
      .returning({ id: memberships.id });
    if (!membership) throw new AppError("CONFLICT", "alreadyMember", { email: "alreadyMember" });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "member.joined", targetType: "membership", targetId: membership.id, details: { role: "participant" } });
    return created.id;
  });
  return findParticipant(db, organization.id, userId);
}

