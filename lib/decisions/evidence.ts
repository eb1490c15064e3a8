import type { KpiValue } from "@/lib/kpis/kpi-value";
import type { DivergenceReason } from "@/lib/resonance/resonance-report";

/** A KPI as it stood when a decision cited it: value, n and interval of its latest period. */
export interface KpiEvidence {
  type: "kpi";
  key: string;
  name: string;
  isBuiltIn: boolean;
  aggregation: "mean" | "top_box" | "nps";
  period: "monthly" | "quarterly";
  periodStart: string | null;
  value: KpiValue | null;
  target: number | null;
}

/** A resonance test's results as they stood: per concept, resonance, "feels respectful" and the segments flagged. */
export interface ResonanceEvidence {
  type: "resonance";
  testId: string;
  openedAt: string;
  respondents: number;
  invited: number;
  respectfulThreshold: number;
  concepts: Array<{
    title: string;
    resonance: KpiValue;
    respectful: KpiValue;
    divergent: Array<{ attribute: string; value: string; reasons: DivergenceReason[]; resonance: KpiValue; respectful: KpiValue }>;
  }>;
}

/** An open reaction quoted word for word, with the concept it was about. */
export interface QuoteEvidence {
  type: "quote";
  testId: string;
  conceptTitle: string;
  text: string;
  /** The response quoted, so erasure and retention can take the quote out exactly; absent in evidence frozen before it was kept. */
  responseId?: string;
}

/** A published council memo: its title, council and session, and the start of its body. */
export interface MemoEvidence {
  type: "memo";
  memoId: string;
  programId: string;
  programName: string;
  sessionOpensAt: string;
  title: string;
  excerpt: string;
}

/**
 * A published insight as it stood: its claim and how many people and segments its evidence comes
 * from. It holds no participant's words, so erasing a person has nothing to take out of it.
 */
export interface InsightEvidence {
  type: "insight";
  insightId: string;
  claim: string;
  /** Distinct people behind its highlights and quotes. */
  people: number;
  /** Per attribute (region, language…): distinct values its text evidence covers. */
  segments: Record<string, number>;
  /** Pieces of evidence of every kind. */
  evidenceCount: number;
  publishedAt: string;
}

export type EvidenceItem = KpiEvidence | ResonanceEvidence | QuoteEvidence | MemoEvidence | InsightEvidence;

/** The evidence of a decision, frozen when it was recorded; later data never rewrites it. */
export interface DecisionEvidence {
  version: 1;
  items: EvidenceItem[];
}
