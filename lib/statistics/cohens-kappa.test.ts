import { describe, expect, it } from "vitest";
import { cohensKappa, kappaBand } from "./cohens-kappa";

/** Pairs from a 2×2 table: yy both yes, yn A yes B no, ny, nn. */
function table(yy: number, yn: number, ny: number, nn: number) {
  const pairs: Array<[boolean, boolean]> = [];
  for (let i = 0; i < yy; i++) pairs.push([true, true]);
  for (let i = 0; i < yn; i++) pairs.push([true, false]);
  for (let i = 0; i < ny; i++) pairs.push([false, true]);
  for (let i = 0; i < nn; i++) pairs.push([false, false]);
  return pairs;
}

describe("cohensKappa", () => {
  it("matches the textbook example (Wikipedia: 20/5/10/15 → po 0.7, pe 0.5, κ 0.4)", () => {
    const result = cohensKappa(table(20, 5, 10, 15));
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7);
    expect(result.expected).toBeCloseTo(0.5);
    expect(result.kappa).toBeCloseTo(0.4);
  });

  it("matches the second textbook example (45/15/25/15 → κ ≈ 0.1304)", () => {
    expect(cohensKappa(table(45, 15, 25, 15)).kappa).toBeCloseTo(0.1304, 4);
  });

  it("is 1 for perfect agreement with both answers present", () => {
    expect(cohensKappa(table(3, 0, 0, 7)).kappa).toBe(1);
  });

  it("is 0 when agreement is exactly what chance gives", () => {
    // Both say yes half the time, independently: po = pe = 0.5.
    expect(cohensKappa(table(5, 5, 5, 5)).kappa).toBeCloseTo(0);
  });

  it("is negative for systematic disagreement", () => {
    expect(cohensKappa(table(0, 5, 5, 0)).kappa).toBe(-1);
  });

  it("is undefined when chance agreement is already perfect (pe = 1) or there are no items", () => {
    expect(cohensKappa(table(0, 0, 0, 8))).toMatchObject({ n: 8, observed: 1, expected: 1, kappa: null });
    expect(cohensKappa(table(4, 0, 0, 0)).kappa).toBeNull();
    expect(cohensKappa([])).toEqual({ n: 0, observed: null, expected: null, kappa: null });
  });

  it("names the Landis & Koch band", () => {
    expect([-0.1, 0.1, 0.3, 0.5, 0.7, 0.9].map(kappaBand)).toEqual(["poor", "slight", "fair", "moderate", "substantial", "almostPerfect"]);
  });
});
