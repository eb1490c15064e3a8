/** Why a value is withheld; the UI explains each one. */
export type SuppressionReason =
  /** The group has fewer answers than the organization's minimum. */
  | "too_few_responses"
  /** Too few answers for comments, which can be recognised by their wording. */
  | "too_few_for_comments"
  /** Shown, it would let someone subtract it from another figure and learn about a smaller group. */
  | "complementary"
  /** Filters combined this way single out a group smaller than the minimum by subtraction. */
  | "derivable_by_difference";

/** What the server sends in place of a withheld value: no number at all. */
export interface Suppressed {
  suppressed: true;
  reason: SuppressionReason;
}

export type Guarded<T> = ({ suppressed: false } & T) | Suppressed;

export function suppressed(reason: SuppressionReason): Suppressed {
  return { suppressed: true, reason };
}

export function shown<T extends object>(value: T): { suppressed: false } & T {
  return { suppressed: false, ...value };
}

/** True when `difference` answers could be singled out: more than none and fewer than the minimum. */
export function isSmallDifference(difference: number, minGroupSize: number): boolean {
  return difference > 0 && difference < minGroupSize;
}
