import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingItems, highlights, insightEvidence, insights } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { freezeKpiEvidence } from "@/lib/decisions/freeze-kpi-evidence";
import { AppError } from "@/lib/errors";
import { lockInsight } from "./require-insight";
import { attachEvidenceSchema, detachEvidenceSchema, type AttachEvidenceInput, type DetachEvidenceInput } from "./schemas";

/**
 * Attaches a highlight, a whole coding item (a quote) or a KPI to an insight. Highlights and items
 * must be the organization's own; a KPI is frozen as it stands now, the way a decision freezes it.
 * The same highlight or item twice is refused; a KPI can be attached again as a newer snapshot.
 */
export async function attachInsightEvidence(db: Db, actor: Actor | null, orgId: string, rawInput: AttachEvidenceInput, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const input = attachEvidenceSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const insight = await lockInsight(tx, organization.id, input.insightId);
    let values: Pick<typeof insightEvidence.$inferInsert, "kind" | "highlightId" | "itemId" | "kpi">;
    if (input.kind === "highlight") {
      const [highlight] = await tx.select({ id: highlights.id }).from(highlights).where(and(eq(highlights.id, input.highlightId), eq(highlights.organizationId, organization.id)));
      if (!highlight) throw new AppError("NOT_FOUND", "notFound");
      values = { kind: "highlight", highlightId: highlight.id };
    } else if (input.kind === "quote") {
      const [item] = await tx.select({ id: codingItems.id }).from(codingItems).where(and(eq(codingItems.id, input.itemId), eq(codingItems.organizationId, organization.id)));
      if (!item) throw new AppError("NOT_FOUND", "notFound");
      values = { kind: "quote", itemId: item.id };
    } else {
      const frozen = await freezeKpiEvidence(tx, organization, [input.kpiKey]).catch((error: unknown) => {
        throw error instanceof AppError ? new AppError("INVALID", "formHasErrors", { kpiKey: "decisionKpiUnknown" }) : error;
      });
      values = { kind: "kpi", kpi: frozen[0] };
    }
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${insightEvidence.position}) + 1, 0)::int` }).from(insightEvidence).where(eq(insightEvidence.insightId, insight.id));
    const [row] = await tx
      .insert(insightEvidence)
      .values({ organizationId: organization.id, insightId: insight.id, position: Number(next), ...values })
      .onConflictDoNothing()
      .returning({ id: insightEvidence.id });
    if (!row) throw new AppError("CONFLICT", "insightEvidenceDuplicate");
    await tx.update(insights).set({ updatedAt: now }).where(eq(insights.id, insight.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "insight.evidence_attached", targetType: "insight", targetId: insight.id, details: { kind: input.kind, evidenceId: row.id } });
    return row;
  });
}

/** Detaches one piece of evidence; a published insight keeps at least one, as publishing required. */
export async function detachInsightEvidence(db: Db, actor: Actor | null, orgId: string, rawInput: DetachEvidenceInput, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const input = detachEvidenceSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const insight = await lockInsight(tx, organization.id, input.insightId);
    const [removed] = await tx
      .delete(insightEvidence)
      .where(and(eq(insightEvidence.id, input.evidenceId), eq(insightEvidence.insightId, insight.id), eq(insightEvidence.organizationId, organization.id)))
      .returning({ id: insightEvidence.id, kind: insightEvidence.kind });
    if (!removed) throw new AppError("NOT_FOUND", "notFound");
    if (insight.status === "published") {
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(insightEvidence).where(eq(insightEvidence.insightId, insight.id));
      if (Number(n) === 0) throw new AppError("CONFLICT", "insightNeedsEvidence");
    }
    await tx.update(insights).set({ updatedAt: now }).where(eq(insights.id, insight.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "insight.evidence_detached", targetType: "insight", targetId: insight.id, details: { kind: removed.kind, evidenceId: removed.id } });
    return removed;
  });
}
