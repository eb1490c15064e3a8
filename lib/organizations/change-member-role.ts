import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { changeMemberRoleSchema, membershipIdSchema, type ChangeMemberRoleInput } from "./schemas";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Locks the organization's admin rows so two admins cannot demote each other at once. */
async function lockMembership(tx: Tx, orgId: string, membershipId: string) {
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role, userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, orgId)))
    .for("update");
  if (!member) throw new AppError("NOT_FOUND", "notFound");
  return member;
}

async function assertAnotherAdminRemains(tx: Tx, orgId: string) {
  const [{ admins }] = await tx
    .select({ admins: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "admin")));
  if (admins <= 1) throw new AppError("CONFLICT", "lastAdmin");
}

export async function changeMemberRole(db: Db, actor: Actor | null, orgId: string, input: ChangeMemberRoleInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.manage");
  const { membershipId, role } = changeMemberRoleSchema.parse(input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${memberships} where organization_id = ${organization.id} and role = 'admin' for update`);
    const member = await lockMembership(tx, organization.id, membershipId);
    if (member.role === role) return { membershipId, role };
    if (member.role === "admin") await assertAnotherAdminRemains(tx, organization.id);
    await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "member.role_changed", targetType: "membership", targetId: membershipId, details: { from: member.role, to: role } });
    return { membershipId, role };
  });
}

export async function removeMember(db: Db, actor: Actor | null, orgId: string, input: { membershipId: string }) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.manage");
  const { membershipId } = membershipIdSchema.parse(input);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${memberships} where organization_id = ${organization.id} and role = 'admin' for update`);
    const member = await lockMembership(tx, organization.id, membershipId);
    if (member.role === "admin") await assertAnotherAdminRemains(tx, organization.id);
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "member.removed", targetType: "membership", targetId: membershipId, details: { role: member.role } });
  });
}
