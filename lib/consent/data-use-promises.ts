/**
 * What a program may promise its data will never be used for. `aggregate_only` ("only aggregated
 * results leave the research team") is enforced: every individual-level export of the program's
 * answers is refused (`require-individual-export.ts`).
 */
export const DATA_USE_PROMISES = ["ad_targeting", "individual_personalization", "third_parties", "aggregate_only"] as const;
export type DataUsePromise = (typeof DATA_USE_PROMISES)[number];

/** The stored promises that are still in the list, in its order (an unknown value is ignored, never shown raw). */
export function knownPromises(stored: readonly string[]): DataUsePromise[] {
  return DATA_USE_PROMISES.filter((promise) => stored.includes(promise));
}

export const isAggregateOnly = (stored: readonly string[]) => stored.includes("aggregate_only");
