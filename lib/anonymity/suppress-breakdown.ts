import { isSmallDifference, type SuppressionReason } from "./suppression";

export interface BreakdownCell<K extends string = string> {
  key: K;
  /** How many answers the cell holds. */
  n: number;
  /** A reason decided before the partition rule, e.g. by the differencing check of a filtered view. */
  reason?: SuppressionReason;
}

export type BreakdownDecision<K extends string = string> = { key: K; n: number; suppressed: false } | { key: K; suppressed: true; reason: SuppressionReason };

/**
 * Decides which cells of a partition (a group split by team, location…) may be shown.
 * A cell under the minimum is withheld; and because the total minus the shown cells gives the
 * withheld ones away, whenever the withheld answers (with any part of `total` not in a cell) add
 * up to fewer than the minimum, the smallest shown cell is withheld too, until they don't.
 */
export function suppressBreakdown<K extends string>(cells: readonly BreakdownCell<K>[], { minGroupSize, total }: { minGroupSize: number; total?: number }): BreakdownDecision<K>[] {
  const reasons = new Map<K, SuppressionReason>();
  for (const cell of cells) {
    if (cell.reason) reasons.set(cell.key, cell.reason);
    else if (cell.n < minGroupSize) reasons.set(cell.key, "too_few_responses");
  }
  const inCells = cells.reduce((sum, cell) => sum + cell.n, 0);
  // Answers in the total that no cell holds (e.g. staff with no team) are hidden just like a withheld cell.
  const outside = total === undefined ? 0 : Math.max(0, total - inCells);
  const hiddenAnswers = () => outside + cells.filter((cell) => reasons.has(cell.key)).reduce((sum, cell) => sum + cell.n, 0);
  while (isSmallDifference(hiddenAnswers(), minGroupSize)) {
    const next = cells.filter((cell) => !reasons.has(cell.key) && cell.n > 0).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
    if (!next) break;
    reasons.set(next.key, "complementary");
  }
  return cells.map((cell) => {
    const reason = reasons.get(cell.key);
    return reason ? { key: cell.key, suppressed: true, reason } : { key: cell.key, n: cell.n, suppressed: false };
  });
}
