import { describe, expect, it } from "vitest";
import { definitionSchema } from "@/lib/instruments/definition";
import { buildResonanceDefinition } from "./reaction-items";
import { buildResonanceReport, type ResonanceSums } from "./resonance-report";

/** Sums of respondents who all gave every reaction the same score, except "feels respectful". */
function sums(prefix: string, attribute: string, value: string, scores: number[], respectful = scores): ResonanceSums {
  const total = (values: number[]) => ({ sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((a, b) => a + b * b, 0) });
  const composite = scores.map((score, index) => (score * 4 + respectful[index]) / 5);
  const items = { appeal: total(scores), relevance: total(scores), trust: total(scores), respectful: total(respectful), intent: total(scores) };
  return { prefix, attribute, value, n: scores.length, ...total(composite), items };
}

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);
const SETTINGS = { minGroupSize: 5, minN: 10, respectfulThreshold: 60 };

describe("resonance per concept and segment", () => {
  it("rescales the mean of the five reactions to 0–100 with a t-interval", () => {
    // Scores 3 and 5, ten of each: mean 4 (75 of 100), sd 1.026, t(19) = 2.093 → ±0.480 → 63.0–87.0.
    const scores = [...repeat(3, 10), ...repeat(5, 10)];
    const [concept] = buildResonanceReport([sums("k1", "", "", scores)], ["k1"], SETTINGS);
    expect(concept.respondents).toBe(20);
    expect(concept.resonance.status).toBe("ok");
    if (concept.resonance.status !== "ok") return;
    expect(concept.resonance.estimate.value).toBeCloseTo(75, 6);
    expect(concept.resonance.estimate.lower).toBeCloseTo(63.0, 1);
    expect(concept.resonance.estimate.upper).toBeCloseTo(87.0, 1);
    expect(concept.items.map((item) => item.key)).toEqual(["appeal", "relevance", "trust", "respectful", "intent"]);
  });

  it("flags a segment significantly below the rest, and one whose respect is under the threshold though its resonance is not", () => {
    const low = [...repeat(2, 6), ...repeat(3, 6)];
    const high = [...repeat(4, 7), ...repeat(5, 7)];
    const rows = [
      sums("k1", "", "", [...low, ...high, ...repeat(4, 12)], [...repeat(4, 12), ...high, ...repeat(2, 12)]),
      sums("k1", "language", "pl", low, repeat(4, 12)),
      sums("k1", "language", "en", high),
      sums("k1", "region", "north", repeat(4, 12), repeat(2, 12)),
      sums("k1", "region", "south", [...low, ...high], [...repeat(4, 12), ...high]),
    ];
    const [concept] = buildResonanceReport(rows, ["k1"], SETTINGS);
    expect(concept.divergent.map(({ attribute, value, reasons }) => ({ attribute, value, reasons }))).toEqual([
      { attribute: "language", value: "pl", reasons: ["significantlyBelow"] },
      { attribute: "region", value: "north", reasons: ["respectfulBelowThreshold"] },
    ]);
    const english = concept.splits[0].segments.find((segment) => segment.value === "en");
    expect(english).toMatchObject({ suppressed: false, difference: "above", divergence: [] });
  });

  it("withholds small segments before any number, and flags nothing it cannot show", () => {
    const rows = [sums("k1", "", "", repeat(1, 13)), sums("k1", "language", "ru", repeat(1, 3)), sums("k1", "language", "en", repeat(1, 10))];
    const [concept] = buildResonanceReport(rows, ["k1", "k2"], SETTINGS).slice(0, 1);
    expect(concept.splits[0].segments).toEqual([
      { value: "en", suppressed: true, reason: "complementary" },
      { value: "ru", suppressed: true, reason: "too_few_responses" },
    ]);
    expect(concept.divergent).toEqual([]);
    expect(concept.isDisrespectfulOverall).toBe(true);
    const [, untested] = buildResonanceReport(rows, ["k1", "k2"], SETTINGS);
    expect(untested).toMatchObject({ respondents: 0, resonance: { status: "insufficient", n: 0 }, splits: [], divergent: [] });
  });
});

describe("the resonance instrument", () => {
  it("asks the five required reactions and an open one after each concept, in a language every concept has", () => {
    const definition = buildResonanceDefinition([
      { prefix: "k1", copy: { pl: "Wejdź z zimna.", ru: "Заходите с мороза." } },
      { prefix: "k2", copy: { en: "One coat.", pl: "Jedna kurtka." } },
    ]);
    expect(definitionSchema.safeParse(definition).success).toBe(true);
    expect(definition.defaultLocale).toBe("pl");
    expect(definition.questions.map((question) => question.id)).toEqual(["k1_concept", "k1_appeal", "k1_relevance", "k1_trust", "k1_respectful", "k1_intent", "k1_open", "k2_concept", "k2_appeal", "k2_relevance", "k2_trust", "k2_respectful", "k2_intent", "k2_open"]);
    expect(definition.questions.filter((question) => question.code).every((question) => question.required && question.type === "likert" && question.points === 5)).toBe(true);
  });
});
