import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { kpiDefinitions, memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isValidTarget } from "./kpi-target";
import { kpiSettingsSchema, type KpiSettingsInput } from "./schemas";

/** Roles that can own a KPI: the people whose targets and incentives it feeds. */
export const KPI_OWNER_ROLES = ["leader", "admin"] as const;

/** Sets a KPI's owner, period, target and incentive weight; an absolute target must lie on the KPI's scale. */
export async function updateKpiSettings(db: Db, actor: Actor | null, orgId: string, rawInput: KpiSettingsInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  const input = kpiSettingsSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [kpi] = await tx
      .select({ id: kpiDefinitions.id, aggregation: kpiDefinitions.aggregation, segmentKey: kpiDefinitions.segmentKey })
      .from(kpiDefinitions)
      .where(and(eq(kpiDefinitions.organizationId, organization.id), eq(kpiDefinitions.key, input.key)))
      .for("update");
    if (!kpi) throw new AppError("NOT_FOUND", "notFound");
    if (input.targetBasis === "organization" && kpi.segmentKey === null) throw new AppError("INVALID", "formHasErrors", { targetBasis: "kpiTargetOrganizationNeedsSegment" });
    if (!isValidTarget({ aggregation: kpi.aggregation, target: input.target, targetBasis: input.targetBasis })) throw new AppError("INVALID", "formHasErrors", { target: input.targetBasis === "absolute" ? "kpiTargetInvalid" : "kpiTargetChangeInvalid" });
    if (input.ownerUserId !== null) {
      const [owner] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, input.ownerUserId), inArray(memberships.role, [...KPI_OWNER_ROLES]), isNull(memberships.deactivatedAt)));
      if (!owner) throw new AppError("INVALID", "formHasErrors", { ownerUserId: "kpiOwnerInvalid" });
    }
    await tx.update(kpiDefinitions).set({ ownerUserId: input.ownerUserId, period: input.period, target: input.target, targetBasis: input.targetBasis, incentiveWeight: input.incentiveWeight }).where(eq(kpiDefinitions.id, kpi.id));
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor!.userId,
      action: "kpi.updated",
      targetType: "kpi",
      targetId: kpi.id,
      details: { key: input.key, ownerUserId: input.ownerUserId, period: input.period, target: input.target, targetBasis: input.targetBasis, incentiveWeight: input.incentiveWeight },
    });
  });
}

/** The members a KPI can be given to. */
export async function listKpiOwnerCandidates(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  return db
    .select({ userId: memberships.userId, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organization.id), inArray(memberships.role, [...KPI_OWNER_ROLES]), isNull(memberships.deactivatedAt)))
    .orderBy(users.name);
}
