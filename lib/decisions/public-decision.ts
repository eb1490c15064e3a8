import { publicKpiValue } from "@/lib/kpis/public-kpi-value";
import type { DecisionEvidence, EvidenceItem } from "./evidence";

/**
 * A decision's frozen evidence as the API gives it: KPI values as numbers with n and interval, or
 * nulls and why (as they were withheld when frozen); resonance results per concept; consented quotes.
 */
export function publicEvidenceItem(item: EvidenceItem) {
  switch (item.type) {
    case "kpi":
      return { type: item.type, key: item.key, name: item.name, period: item.period, periodStart: item.periodStart, target: item.target, value: item.value ? publicKpiValue(item.value) : null };
    case "resonance":
      return {
        type: item.type,
        testId: item.testId,
        openedAt: item.openedAt,
        respondents: item.respondents,
        invited: item.invited,
        concepts: item.concepts.map((concept) => ({ title: concept.title, resonance: publicKpiValue(concept.resonance), respectful: publicKpiValue(concept.respectful) })),
      };
    case "quote":
      return { type: item.type, testId: item.testId, conceptTitle: item.conceptTitle, text: item.text };
    case "memo":
      return { type: item.type, memoId: item.memoId, programId: item.programId, programName: item.programName, sessionOpensAt: item.sessionOpensAt, title: item.title, excerpt: item.excerpt };
    case "insight":
      return { type: item.type, insightId: item.insightId, claim: item.claim, people: item.people, segments: item.segments, evidenceCount: item.evidenceCount, publishedAt: item.publishedAt };
  }
}

export function publicDecision<T extends { evidence: DecisionEvidence }>(decision: T) {
  return { ...decision, evidence: decision.evidence.items.map(publicEvidenceItem) };
}
