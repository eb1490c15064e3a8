import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRules, kpiDefinitions, memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { KPI_OWNER_ROLES } from "@/lib/kpis/update-kpi-settings";
import { evaluateAlertRules, scheduleAlertEvaluation } from "./evaluate-alerts";
import { createAlertRuleSchema, type CreateAlertRuleInput } from "./schemas";

/**
 * Adds an alert rule whose action items go to a leader or admin, and looks at it at once: an
 * alert it raises now shows straight away. Later looks run every quarter of an hour as a job.
 */
export async function createAlertRule(db: Db, actor: Actor | null, orgId: string, rawInput: CreateAlertRuleInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  const input = createAlertRuleSchema.parse(rawInput);
  const rule = await db.transaction(async (tx) => {
    let kpiId: string | null = null;
    if (input.kind === "below_target" || input.kind === "significant_drop") {
      const [kpi] = await tx.select({ id: kpiDefinitions.id }).from(kpiDefinitions).where(and(eq(kpiDefinitions.organizationId, organization.id), eq(kpiDefinitions.key, input.kpiKey!)));
      if (!kpi) throw new AppError("INVALID", "formHasErrors", { kpiKey: "decisionKpiUnknown" });
      kpiId = kpi.id;
    }
    const [owner] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, input.ownerUserId), inArray(memberships.role, [...KPI_OWNER_ROLES]), isNull(memberships.deactivatedAt)));
    if (!owner) throw new AppError("INVALID", "formHasErrors", { ownerUserId: "alertOwnerRequired" });
    const [created] = await tx
      .insert(alertRules)
      .values({ organizationId: organization.id, kind: input.kind, kpiId, threshold: input.kind === "urgent_spike" ? input.threshold! : null, ownerUserId: input.ownerUserId, dueDays: input.dueDays, createdByUserId: actor!.userId, createdAt: now })
      .returning({ id: alertRules.id });
    await scheduleAlertEvaluation(tx, organization.id, now);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "alert_rule.created", targetType: "alert_rule", targetId: created.id, details: { kind: input.kind } });
    return created;
  });
  // Its alerts and their webhook deliveries commit together.
  const raised = await db.transaction((tx) => evaluateAlertRules(tx as unknown as Db, organization.id, now));
  return { ruleId: rule.id, raised: raised.length };
}
