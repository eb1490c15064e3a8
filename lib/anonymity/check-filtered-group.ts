import { isSmallDifference, type SuppressionReason } from "./suppression";

export type Filters = Partial<Record<string, string>>;

/** The groups one step wider than `filters`: each filter dropped in turn (no filters → none). */
export function parentFilters(filters: Filters): Filters[] {
  const keys = Object.keys(filters).filter((key) => filters[key] !== undefined);
  return keys.map((dropped) => Object.fromEntries(keys.filter((key) => key !== dropped).map((key) => [key, filters[key]])));
}

export type GroupCheck = { isAllowed: true } | { isAllowed: false; reason: SuppressionReason };

/**
 * Whether a group picked by a combination of filters (team = A and location = X) may be shown.
 * It needs at least `minGroupSize` answers, and for every group one filter wider, the answers it
 * adds must be none or at least the minimum: otherwise wider minus narrower singles them out.
 */
export function checkFilteredGroup({ n, parentSizes }: { n: number; parentSizes: readonly number[] }, minGroupSize: number): GroupCheck {
  if (n < minGroupSize) return { isAllowed: false, reason: "too_few_responses" };
  if (parentSizes.some((parent) => isSmallDifference(parent - n, minGroupSize))) return { isAllowed: false, reason: "derivable_by_difference" };
  return { isAllowed: true };
}

/** Comments need the larger comment minimum, by the same differencing rule. */
export function checkCommentGroup({ n, parentSizes }: { n: number; parentSizes: readonly number[] }, minCommentGroupSize: number): GroupCheck {
  const check = checkFilteredGroup({ n, parentSizes }, minCommentGroupSize);
  return check.isAllowed || check.reason !== "too_few_responses" ? check : { isAllowed: false, reason: "too_few_for_comments" };
}
