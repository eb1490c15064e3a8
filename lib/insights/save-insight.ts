import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insights } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { lockInsight } from "./require-insight";
import { createInsightSchema, updateInsightSchema, type CreateInsightInput, type UpdateInsightInput } from "./schemas";

/** A researcher's new insight: a one-sentence claim and a plain-text body, as a draft. */
export async function createInsight(db: Db, actor: Actor | null, orgId: string, rawInput: CreateInsightInput) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const input = createInsightSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [insight] = await tx.insert(insights).values({ organizationId: organization.id, claim: input.claim, body: input.body, authorUserId: userId }).returning({ id: insights.id });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "insight.created", targetType: "insight", targetId: insight.id });
    return insight;
  });
}

/**
 * Rewrites the claim and body, in either status: a decision that cited the insight keeps the
 * wording it froze, so an edit never changes why something was decided.
 */
export async function updateInsight(db: Db, actor: Actor | null, orgId: string, rawInput: UpdateInsightInput, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const input = updateInsightSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const insight = await lockInsight(tx, organization.id, input.insightId);
    await tx.update(insights).set({ claim: input.claim, body: input.body, updatedAt: now }).where(eq(insights.id, insight.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "insight.updated", targetType: "insight", targetId: insight.id });
    return { id: insight.id };
  });
}
