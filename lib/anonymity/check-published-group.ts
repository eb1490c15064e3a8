import { checkFilteredGroup, parentFilters, type Filters, type GroupCheck } from "./check-filtered-group";
import { suppressBreakdown } from "./suppress-breakdown";

/** How big any filtered group is, and which values a dimension takes inside a group. */
export interface GroupSizes {
  count: (filters: Filters) => number;
  values: (dimension: string, within: Filters) => string[];
}

/**
 * Whether the group picked by `filters` may be shown anywhere: on its own (see checkFilteredGroup),
 * and as a cell of every breakdown it belongs to. Team = A is one cell of "all teams"; if that
 * breakdown withholds it to protect a smaller team, filtering to team A must not reveal it either,
 * or total − the other teams would give the smaller team away.
 */
export function checkPublishedGroup(sizes: GroupSizes, filters: Filters, minimum: number, check = checkFilteredGroup): GroupCheck {
  const alone = check({ n: sizes.count(filters), parentSizes: parentFilters(filters).map(sizes.count) }, minimum);
  if (!alone.isAllowed) return alone;
  for (const dimension of Object.keys(filters).filter((key) => filters[key] !== undefined)) {
    const within = { ...filters, [dimension]: undefined };
    const cells = sizes.values(dimension, within).map((value) => {
      const cell = { ...within, [dimension]: value };
      const cellCheck = checkFilteredGroup({ n: sizes.count(cell), parentSizes: parentFilters(cell).map(sizes.count) }, minimum);
      return { key: value, n: sizes.count(cell), reason: cellCheck.isAllowed ? undefined : cellCheck.reason };
    });
    const decision = suppressBreakdown(cells, { minGroupSize: minimum, total: sizes.count(within) }).find((cell) => cell.key === filters[dimension]);
    if (decision?.suppressed) return { isAllowed: false, reason: decision.reason };
  }
  return { isAllowed: true };
}
