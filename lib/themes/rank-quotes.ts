/*
 * The strongest quotes of a theme. Rule, in order: the passage carries more of the theme's tags;
 * more coders tagged its item with the theme; it was said more recently; then it was highlighted
 * more recently. Before ranking, passages that may not be quoted are left out and counted: a
 * council or panel member's without their effective consent to quotes, and field reports'
 * unless the theme holds at least the comment minimum of field reports.
 */

export interface QuoteCandidate {
  highlightId: string;
  itemId: string;
  source: "answer" | "live_post" | "field_report" | "interview";
  /** ISO timestamps. */
  saidAt: string;
  highlightedAt: string;
  /** How many of the theme's tags this highlight carries. */
  themeTags: number;
  /** Distinct coders who tagged the item with any of the theme's tags. */
  coders: number;
  /** False for a council or panel member who has not (or no longer) granted quotes. */
  hasConsent: boolean;
}

export interface RankedQuotes {
  shown: QuoteCandidate[];
  leftOut: { noConsent: number; frontline: number };
}

export function compareQuotes(a: QuoteCandidate, b: QuoteCandidate): number {
  return b.themeTags - a.themeTags || b.coders - a.coders || b.saidAt.localeCompare(a.saidAt) || b.highlightedAt.localeCompare(a.highlightedAt) || a.highlightId.localeCompare(b.highlightId);
}

export function rankQuotes(candidates: readonly QuoteCandidate[], { fieldReportsInTheme, minCommentGroupSize, limit }: { fieldReportsInTheme: number; minCommentGroupSize: number; limit: number }): RankedQuotes {
  const frontlineQuotable = fieldReportsInTheme >= minCommentGroupSize;
  const leftOut = { noConsent: 0, frontline: 0 };
  const allowed = candidates.filter((candidate) => {
    if (candidate.source === "field_report" && !frontlineQuotable) return (leftOut.frontline++, false);
    if (!candidate.hasConsent) return (leftOut.noConsent++, false);
    return true;
  });
  return { shown: [...allowed].sort(compareQuotes).slice(0, limit), leftOut };
}
