import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insightEvidence, insights } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isCitedByDecision, lockInsight } from "./require-insight";

/** Makes a draft readable by leaders; a claim without any evidence cannot be published. */
export async function publishInsight(db: Db, actor: Actor | null, orgId: string, insightId: string, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  return db.transaction(async (tx) => {
    const insight = await lockInsight(tx, organization.id, insightId);
    if (insight.status === "published") return { id: insight.id, status: insight.status };
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(insightEvidence).where(and(eq(insightEvidence.insightId, insight.id), eq(insightEvidence.organizationId, organization.id)));
    if (Number(n) === 0) throw new AppError("INVALID", "insightNeedsEvidence");
    await tx.update(insights).set({ status: "published", publishedAt: now, updatedAt: now }).where(eq(insights.id, insight.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "insight.published", targetType: "insight", targetId: insight.id });
    return { id: insight.id, status: "published" as const };
  });
}

/** Takes a published insight back to draft, unless a decision already cites it: the log must keep pointing at something leaders can read. */
export async function unpublishInsight(db: Db, actor: Actor | null, orgId: string, insightId: string, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  return db.transaction(async (tx) => {
    const insight = await lockInsight(tx, organization.id, insightId);
    if (insight.status === "draft") return { id: insight.id, status: insight.status };
    if (await isCitedByDecision(tx, organization.id, insight.id)) throw new AppError("CONFLICT", "insightCitedByDecision");
    await tx.update(insights).set({ status: "draft", publishedAt: null, updatedAt: now }).where(eq(insights.id, insight.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "insight.unpublished", targetType: "insight", targetId: insight.id });
    return { id: insight.id, status: "draft" as const };
  });
}
