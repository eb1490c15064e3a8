/** No organization may show a group smaller than this, whatever it configures. */
export const ABSOLUTE_MIN_GROUP_SIZE = 3;

export interface AnonymityThresholds {
  /** Smallest group whose scores and breakdowns may be shown. */
  minGroupSize: number;
  /** Smallest group whose comments may be shown. */
  minCommentGroupSize: number;
}

/**
 * The thresholds an organization's settings really give: never below 3, and comments (which can
 * be recognised by their wording) never need fewer answers than scores.
 */
export function effectiveThresholds(settings: { minGroupSize: number; minCommentGroupSize: number }): AnonymityThresholds {
  const minGroupSize = Math.max(ABSOLUTE_MIN_GROUP_SIZE, Math.ceil(settings.minGroupSize) || ABSOLUTE_MIN_GROUP_SIZE);
  const minCommentGroupSize = Math.max(minGroupSize, Math.ceil(settings.minCommentGroupSize) || minGroupSize);
  return { minGroupSize, minCommentGroupSize };
}
