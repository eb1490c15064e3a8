/*
 * Cohen's kappa for two raters giving a yes/no judgement on the same items: how far their
 * agreement exceeds what chance alone would give, from their own yes rates.
 */

export interface KappaResult {
  n: number;
  /** Share of items where both said the same, 0–1; null with no items. */
  observed: number | null;
  /** Agreement expected by chance from each rater's yes rate. */
  expected: number | null;
  /** null when undefined: no items, or chance agreement is already perfect (both raters constant and equal). */
  kappa: number | null;
}

export type KappaBand = "poor" | "slight" | "fair" | "moderate" | "substantial" | "almostPerfect";

/** Kappa over paired judgements: pairs[i] = [rater A said yes, rater B said yes]. */
export function cohensKappa(pairs: ReadonlyArray<readonly [boolean, boolean]>): KappaResult {
  const n = pairs.length;
  if (n === 0) return { n, observed: null, expected: null, kappa: null };
  let agree = 0;
  let yesA = 0;
  let yesB = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree += 1;
    if (a) yesA += 1;
    if (b) yesB += 1;
  }
  const observed = agree / n;
  const pA = yesA / n;
  const pB = yesB / n;
  const expected = pA * pB + (1 - pA) * (1 - pB);
  // pe = 1 means both raters gave one and the same answer to every item: kappa is 0/0.
  const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}

/** Landis & Koch (1977) bands. */
export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0) return "poor";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almostPerfect";
}
