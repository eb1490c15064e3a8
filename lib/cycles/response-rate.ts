/** Answered out of invited, 0–1; null when nobody was invited. Never above 1 (someone may answer after leaving). */
export function responseRate(responded: number, invited: number): number | null {
  return invited === 0 ? null : Math.min(1, responded / invited);
}
