import { suppressBreakdown } from "@/lib/anonymity/suppress-breakdown";
import type { SuppressionReason } from "@/lib/anonymity/suppression";
import { holmAdjust, normalTwoSidedP } from "@/lib/statistics/significance";

/*
 * Who was heard, compared with who could have been: for each attribute both the speakers and the
 * population know, each value's share of the distinct speakers against its share of the
 * population. A value is flagged over- or under-represented when the heard share differs from the
 * population share by a two-sided one-sample z-test of a proportion (the population share taken as
 * known), Holm-corrected across the attribute's values at 5%. Below MIN_VOICES speakers nothing is
 * flagged: the page says there are too few voices to judge.
 */

export const MIN_VOICES = 5;
export const SIGNIFICANCE = 0.05;

/** One distinct speaker or one member of the population, with their segment attributes. */
export interface Person {
  attributes: Readonly<Record<string, unknown>>;
}

export type Flag = "over" | "under" | null;

export type Count = { suppressed: false; count: number; share: number } | { suppressed: true; reason: SuppressionReason };

export interface RepresentationValue {
  value: string;
  heard: Count;
  population: Count;
  /** Heard share minus population share, in percentage points; null when either side is withheld. */
  gapPoints: number | null;
  /** Holm-adjusted two-sided p-value, or null when not tested. */
  adjustedP: number | null;
  flag: Flag;
}

export interface RepresentationAttribute {
  key: string;
  /** Speakers whose value of this attribute is known. */
  heardKnown: Count;
  populationKnown: number;
  values: RepresentationValue[];
}

export interface Representation {
  /** Distinct speakers heard (withheld for frontline material under the minimum). */
  speakers: Count;
  populationSize: number;
  tooFewVoices: boolean;
  /** Frontline material (field reports) is part of the set, so small groups are withheld. */
  hasFrontline: boolean;
  attributes: RepresentationAttribute[];
}

export interface CompareOptions {
  /** When set (frontline material is in the set), counts under this minimum are withheld. */
  minGroupSize: number | null;
  /** Attributes never compared, e.g. free-text ones with a value per person. */
  maxValuesPerAttribute?: number;
}

function valueOf(person: Person, key: string): string | null {
  const value = person.attributes[key];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function keysOf(people: readonly Person[]): Set<string> {
  const keys = new Set<string>();
  for (const person of people) for (const key of Object.keys(person.attributes)) if (valueOf(person, key) !== null) keys.add(key);
  return keys;
}

function tally(people: readonly Person[], key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of people) {
    const value = valueOf(person, key);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** The one-sample z-test of a heard share against a known population share; null when it cannot be run. */
export function shareTestP(heard: number, n: number, populationShare: number): number | null {
  if (n === 0 || populationShare <= 0 || populationShare >= 1) return null;
  const z = (heard / n - populationShare) / Math.sqrt((populationShare * (1 - populationShare)) / n);
  return normalTwoSidedP(z);
}

function guard(cells: Map<string, number>, values: readonly string[], total: number, minGroupSize: number | null): Map<string, Count> {
  const result = new Map<string, Count>();
  const share = (count: number) => (total === 0 ? 0 : count / total);
  if (minGroupSize === null) {
    for (const value of values) result.set(value, { suppressed: false, count: cells.get(value) ?? 0, share: share(cells.get(value) ?? 0) });
    return result;
  }
  const decisions = suppressBreakdown(
    values.map((value) => ({ key: value, n: cells.get(value) ?? 0 })),
    { minGroupSize, total },
  );
  for (const decision of decisions) result.set(decision.key, decision.suppressed ? { suppressed: true, reason: decision.reason } : { suppressed: false, count: decision.n, share: share(decision.n) });
  return result;
}

/** Compares distinct speakers with the population, attribute by attribute. */
export function compareRepresentation(speakers: readonly Person[], population: readonly Person[], { minGroupSize, maxValuesPerAttribute = 30 }: CompareOptions): Representation {
  const hasFrontline = minGroupSize !== null;
  const withheld = (n: number): Count => (hasFrontline && n > 0 && n < minGroupSize! ? { suppressed: true, reason: "too_few_responses" } : { suppressed: false, count: n, share: 1 });
  const speakersCount = withheld(speakers.length);
  const tooFewVoices = speakers.length < MIN_VOICES;
  const populationKeys = keysOf(population);
  const keys = [...keysOf(speakers)].filter((key) => populationKeys.has(key)).sort();
  const attributes: RepresentationAttribute[] = [];
  for (const key of keys) {
    const heardCells = tally(speakers, key);
    const populationCells = tally(population, key);
    const values = [...new Set([...heardCells.keys(), ...populationCells.keys()])].sort((a, b) => (populationCells.get(b) ?? 0) - (populationCells.get(a) ?? 0) || a.localeCompare(b));
    if (values.length > maxValuesPerAttribute) continue;
    const heardKnown = [...heardCells.values()].reduce((sum, n) => sum + n, 0);
    const populationKnown = [...populationCells.values()].reduce((sum, n) => sum + n, 0);
    const heard = guard(heardCells, values, heardKnown, minGroupSize);
    const shares = guard(populationCells, values, populationKnown, minGroupSize);
    const canTest = (value: string) => !tooFewVoices && heardKnown >= MIN_VOICES && !heard.get(value)!.suppressed && !shares.get(value)!.suppressed;
    const raw = values.map((value) => (canTest(value) ? shareTestP(heardCells.get(value) ?? 0, heardKnown, (populationCells.get(value) ?? 0) / populationKnown) : null));
    const tested = raw.map((p, index) => ({ p, index })).filter((entry): entry is { p: number; index: number } => entry.p !== null);
    const adjusted = new Map(holmAdjust(tested.map((entry) => entry.p)).map((p, i) => [tested[i].index, p]));
    attributes.push({
      key,
      heardKnown: withheld(heardKnown),
      populationKnown,
      values: values.map((value, index) => {
        const h = heard.get(value)!;
        const pop = shares.get(value)!;
        const gapPoints = h.suppressed || pop.suppressed ? null : Math.round((h.share - pop.share) * 1000) / 10;
        const adjustedP = adjusted.get(index) ?? null;
        const flag: Flag = adjustedP !== null && adjustedP < SIGNIFICANCE && gapPoints !== null && gapPoints !== 0 ? (gapPoints > 0 ? "over" : "under") : null;
        return { value, heard: h, population: pop, gapPoints, adjustedP, flag };
      }),
    });
  }
  return { speakers: speakersCount, populationSize: population.length, tooFewVoices, hasFrontline, attributes };
}
