import { describe, expect, it } from "vitest";
import type { EvidenceItem, InsightEvidence, KpiEvidence, MemoEvidence, QuoteEvidence, ResonanceEvidence } from "@/lib/decisions/evidence";
import { evidenceFromMyGroups, type MyGroups } from "./you-said-we-did";

const COUNCIL = "11111111-1111-4111-8111-111111111111";
const OTHER_COUNCIL = "22222222-2222-4222-8222-222222222222";
const LEFT_COUNCIL = "33333333-3333-4333-8333-333333333333";
const MY_TEST = "44444444-4444-4444-8444-444444444444";
const OTHER_TEST = "55555555-5555-4555-8555-555555555555";
const MY_INSIGHT = "66666666-6666-4666-8666-666666666666";
const OTHER_INSIGHT = "77777777-7777-4777-8777-777777777777";

const memo = (programId: string, sessionOpensAt = "2026-07-05T08:00:00.000Z"): MemoEvidence => ({ type: "memo", memoId: `${programId}-memo`, programId, programName: "Council", sessionOpensAt, title: "What we heard", excerpt: "…" });
const quote = (testId: string): QuoteEvidence => ({ type: "quote", testId, conceptTitle: "Warm welcome", text: "Feels like home." });
const resonance = (testId: string): ResonanceEvidence => ({ type: "resonance", testId, openedAt: "2026-11-16T09:00:00.000Z", respondents: 20, invited: 25, respectfulThreshold: 60, concepts: [] });
const insight = (insightId: string): InsightEvidence => ({ type: "insight", insightId, claim: "Queues wear people out.", people: 3, segments: { region: 2 }, evidenceCount: 3, publishedAt: "2026-11-20T10:00:00.000Z" });
const kpi: KpiEvidence = { type: "kpi", key: "council-nps", name: "Council NPS", isBuiltIn: true, aggregation: "nps", period: "quarterly", periodStart: "2026-07-01", value: null, target: null };

const groups: MyGroups = {
  programs: new Map([
    [COUNCIL, { leftAt: null }],
    [LEFT_COUNCIL, { leftAt: new Date("2026-09-01T00:00:00Z") }],
  ]),
  testIds: new Set([MY_TEST]),
  insightIds: new Set([MY_INSIGHT]),
};
const cited = (...items: EvidenceItem[]) => evidenceFromMyGroups({ version: 1, items }, groups);

describe("you said, we did", () => {
  it("keeps a memo of the person's council and a resonance test or quote sent to their group", () => {
    expect(cited(memo(COUNCIL), resonance(MY_TEST), quote(MY_TEST))).toEqual([memo(COUNCIL), resonance(MY_TEST), quote(MY_TEST)]);
  });

  it("leaves out another council's memo, another group's test and quote, and organization-wide KPIs", () => {
    expect(cited(memo(OTHER_COUNCIL), resonance(OTHER_TEST), quote(OTHER_TEST), kpi)).toEqual([]);
    expect(cited(kpi, memo(OTHER_COUNCIL), memo(COUNCIL))).toEqual([memo(COUNCIL)]);
  });

  it("counts a council the person left only for the sessions held before they left", () => {
    expect(cited(memo(LEFT_COUNCIL, "2026-07-05T08:00:00.000Z"))).toHaveLength(1);
    expect(cited(memo(LEFT_COUNCIL, "2026-10-05T08:00:00.000Z"))).toEqual([]);
  });

  it("keeps an insight that rests on the person's own words, not another one", () => {
    expect(cited(insight(MY_INSIGHT), insight(OTHER_INSIGHT))).toEqual([insight(MY_INSIGHT)]);
  });
});
