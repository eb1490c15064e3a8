import { describe, expect, it } from "vitest";
import { rankQuotes, type QuoteCandidate } from "./rank-quotes";

const candidate = (id: string, overrides: Partial<QuoteCandidate> = {}): QuoteCandidate => ({
  highlightId: id,
  itemId: `item-${id}`,
  source: "answer",
  saidAt: "2026-05-01T00:00:00.000Z",
  highlightedAt: "2026-06-01T00:00:00.000Z",
  themeTags: 1,
  coders: 1,
  hasConsent: true,
  ...overrides,
});

describe("rankQuotes", () => {
  it("ranks by theme tags, then coders, then newest", () => {
    const { shown } = rankQuotes(
      [candidate("old"), candidate("new", { saidAt: "2026-09-01T00:00:00.000Z" }), candidate("two-coders", { coders: 2 }), candidate("two-tags", { themeTags: 2 })],
      { fieldReportsInTheme: 0, minCommentGroupSize: 10, limit: 10 },
    );
    expect(shown.map((quote) => quote.highlightId)).toEqual(["two-tags", "two-coders", "new", "old"]);
  });

  it("leaves out unconsented words and field reports below the comment minimum, counting them", () => {
    const candidates = [candidate("a"), candidate("b", { hasConsent: false }), candidate("c", { source: "field_report", themeTags: 3 })];
    expect(rankQuotes(candidates, { fieldReportsInTheme: 1, minCommentGroupSize: 10, limit: 10 })).toMatchObject({ shown: [{ highlightId: "a" }], leftOut: { noConsent: 1, frontline: 1 } });
    const enough = rankQuotes(candidates, { fieldReportsInTheme: 10, minCommentGroupSize: 10, limit: 1 });
    expect(enough.shown.map((quote) => quote.highlightId)).toEqual(["c"]);
    expect(enough.leftOut).toEqual({ noConsent: 1, frontline: 0 });
  });
});
