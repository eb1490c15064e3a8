import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insights } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { evidenceCount, NO_VOICES, readInsightVoices } from "@/lib/insights/insight-voices";
import type { InsightEvidence } from "./evidence";

/**
 * The cited insights as they stand now: claim, people and segment counts. Only the organization's
 * published insights can be cited; a draft, another organization's or an unknown one is refused.
 */
export async function freezeInsightEvidence(db: Db, organizationId: string, insightIds: readonly string[]): Promise<InsightEvidence[]> {
  const ids = [...new Set(insightIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: insights.id, claim: insights.claim, publishedAt: insights.publishedAt })
    .from(insights)
    .where(and(eq(insights.organizationId, organizationId), eq(insights.status, "published"), inArray(insights.id, ids)));
  if (rows.length !== ids.length) throw new AppError("INVALID", "formHasErrors", { evidenceInsightIds: "decisionEvidenceUnknown" });
  const voices = await readInsightVoices(db, organizationId, ids);
  return ids.map((id) => {
    const insight = rows.find((row) => row.id === id)!;
    const counted = voices.get(id) ?? NO_VOICES;
    return { type: "insight", insightId: id, claim: insight.claim, people: counted.people, segments: counted.segments, evidenceCount: evidenceCount(counted), publishedAt: (insight.publishedAt ?? new Date()).toISOString() };
  });
}
