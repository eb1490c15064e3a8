import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { findParticipant } from "./list-participants";
import { checkAttributeChoices } from "./participant-attributes";
import { PARTICIPANT_ROLES, updateParticipantSchema, type UpdateParticipantInput } from "./schemas";

/**
 * Changes a participant's name, language or segment attributes (a null attribute is removed; the
 * others stay). Their past responses keep the attributes they were given with. Frontline staff are
 * kept by the roster import, and a person who is also a member elsewhere keeps the name and
 * language they gave themselves: both are conflicts.
 */
export async function updateParticipant(db: Db, actor: Actor | null, org: OrgRef, participantId: string, rawInput: UpdateParticipantInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "participants.manage");
  const input = updateParticipantSchema.parse(rawInput);
  if (!isUuid(participantId)) throw new AppError("NOT_FOUND", "notFound");
  if (input.attributes) await checkAttributeChoices(db, organization.id, input.attributes);
  await db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ id: memberships.id, role: memberships.role, attributes: memberships.attributes })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, participantId)))
      .for("update");
    if (!membership || !(PARTICIPANT_ROLES as readonly string[]).includes(membership.role)) throw new AppError("NOT_FOUND", "notFound");
    if (membership.role === "frontline") throw new AppError("CONFLICT", "participantIsStaff");
    if (input.name !== undefined || input.locale !== undefined) {
      const [elsewhere] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, participantId), ne(memberships.organizationId, organization.id))).limit(1);
      if (elsewhere) throw new AppError("CONFLICT", "participantProfileShared");
      await tx
        .update(users)
        .set({ ...(input.name !== undefined ? { name: input.name || null } : {}), ...(input.locale !== undefined ? { locale: input.locale } : {}) })
        .where(eq(users.id, participantId));
    }
    if (input.attributes) {
      const attributes = { ...membership.attributes };
      for (const [key, value] of Object.entries(input.attributes)) {
        if (value === null) delete attributes[key];
        else attributes[key] = value;
      }
      await tx.update(memberships).set({ attributes }).where(eq(memberships.id, membership.id));
    }
    // Which fields changed, never their values: the log holds no profile data.
    const changed = [input.name !== undefined && "name", input.locale !== undefined && "locale", ...Object.keys(input.attributes ?? {}).map((key) => `attributes.${key}`)].filter(Boolean).join(" ");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "participant.updated", targetType: "user", targetId: participantId, details: { changed } });
  });
  return findParticipant(db, organization.id, participantId);
}
