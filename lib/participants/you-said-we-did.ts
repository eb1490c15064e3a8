import type { DecisionEvidence, EvidenceItem } from "@/lib/decisions/evidence";

/**
 * What a person took part in: their programs (with when they left, if they did) and the resonance
 * tests sent to those programs while they belonged.
 */
export interface MyGroups {
  programs: ReadonlyMap<string, { leftAt: Date | null }>;
  testIds: ReadonlySet<string>;
}

/**
 * The items of a decision's frozen evidence that came from the person's groups: a memo of a session
 * of one of their programs held before they left, or a resonance test (its results or a quote from
 * it) sent to them. KPIs are organization-wide figures, never "from your group", so they are left out.
 */
export function evidenceFromMyGroups(evidence: DecisionEvidence, groups: MyGroups): EvidenceItem[] {
  return evidence.items.filter((item) => {
    if (item.type === "memo") {
      const membership = groups.programs.get(item.programId);
      return Boolean(membership) && (!membership!.leftAt || new Date(item.sessionOpensAt) < membership!.leftAt);
    }
    if (item.type === "resonance" || item.type === "quote") return groups.testIds.has(item.testId);
    return false;
  });
}
