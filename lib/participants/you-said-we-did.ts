import type { DecisionEvidence, EvidenceItem } from "@/lib/decisions/evidence";

/**
 * What a person took part in: their programs (with when they left, if they did), the resonance
 * tests sent to those programs while they belonged, and the published insights resting on their words.
 */
export interface MyGroups {
  programs: ReadonlyMap<string, { leftAt: Date | null }>;
  testIds: ReadonlySet<string>;
  insightIds: ReadonlySet<string>;
}

/**
 * The items of a decision's frozen evidence that came from the person's groups: a memo of a session
 * of one of their programs held before they left, or a resonance test (its results or a quote from
 * it) sent to them, or an insight resting in part on their own words. KPIs are organization-wide
 * figures, never "from your group", so they are left out.
 */
export function evidenceFromMyGroups(evidence: DecisionEvidence, groups: MyGroups): EvidenceItem[] {
  return evidence.items.filter((item) => {
    if (item.type === "memo") {
      const membership = groups.programs.get(item.programId);
      return Boolean(membership) && (!membership!.leftAt || new Date(item.sessionOpensAt) < membership!.leftAt);
    }
    if (item.type === "resonance" || item.type === "quote") return groups.testIds.has(item.testId);
    if (item.type === "insight") return groups.insightIds.has(item.insightId);
    return false;
  });
}
