import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, decisions, kpiDefinitions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { decisionColumns } from "./list-decisions";
import { freezeInsightEvidence } from "./freeze-insight-evidence";
import { freezeKpiEvidence } from "./freeze-kpi-evidence";
import { freezeMemoEvidence } from "./freeze-memo-evidence";
import { freezeQuoteEvidence, freezeResonanceEvidence } from "./freeze-resonance-evidence";
import { recordDecisionSchema, type RecordDecisionInput } from "./schemas";

/**
 * Appends a decision to a campaign's log with its evidence frozen as it is now. A correction is a
 * new entry naming the one it corrects in the same campaign; nothing already logged changes.
 */
export async function recordDecision(db: Db, actor: Actor | null, orgId: string, rawInput: RecordDecisionInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "decisions.record");
  const input = recordDecisionSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select({ id: campaigns.id, status: campaigns.status }).from(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.organizationId, organization.id))).for("update");
    if (!campaign) throw new AppError("NOT_FOUND", "notFound");
    if (input.correctsDecisionId) {
      const [corrected] = await tx.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.id, input.correctsDecisionId), eq(decisions.campaignId, campaign.id)));
      if (!corrected) throw new AppError("NOT_FOUND", "notFound");
    }
    if (input.expectedKpiKeys.length > 0) {
      const known = await tx.select({ key: kpiDefinitions.key }).from(kpiDefinitions).where(and(eq(kpiDefinitions.organizationId, organization.id), inArray(kpiDefinitions.key, input.expectedKpiKeys)));
      if (known.length !== new Set(input.expectedKpiKeys).size) throw new AppError("INVALID", "formHasErrors", { expectedKpiKeys: "decisionKpiUnknown" });
    }
    const items = [
      ...(await freezeKpiEvidence(tx, organization, input.evidenceKpiKeys)),
      ...(await freezeResonanceEvidence(tx, organization, campaign.id, input.evidenceResonanceTestIds)),
      ...(await freezeQuoteEvidence(tx, organization, campaign.id, input.evidenceQuoteRefs)),
      ...(await freezeMemoEvidence(tx, organization.id, input.evidenceMemoIds)),
      ...(await freezeInsightEvidence(tx, organization.id, input.evidenceInsightIds)),
    ];
    const [decider] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor!.userId));
    const [decision] = await tx
      .insert(decisions)
      .values({
        organizationId: organization.id,
        campaignId: campaign.id,
        kind: input.kind,
        rationale: input.rationale,
        decidedByUserId: actor!.userId,
        decidedByName: decider?.name ?? decider?.email ?? "",
        correctsDecisionId: input.correctsDecisionId ?? null,
        evidence: { version: 1, items },
        expectedKpiKeys: [...new Set(input.expectedKpiKeys)],
      })
      .returning(decisionColumns);
    // A decision taken moves an idea or a test on; later statuses are set by hand.
    if (campaign.status === "idea" || campaign.status === "testing") await tx.update(campaigns).set({ status: "decided", updatedAt: new Date() }).where(eq(campaigns.id, campaign.id));
    await emitWebhookEvent(tx, organization.id, "decision.recorded", { decisionId: decision.id, campaignId: campaign.id, kind: input.kind, correctsDecisionId: input.correctsDecisionId ?? null, recordedAt: decision.decidedAt.toISOString() });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "decision.recorded", targetType: "decision", targetId: decision.id, details: { campaignId: campaign.id, kind: input.kind } });
    return decision;
  });
}
