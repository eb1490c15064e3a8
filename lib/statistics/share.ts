/** `n` out of `total` as a percentage rounded to one decimal, 0 when there is no total: the share shown beside a bar. */
export function sharePercent(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((n / total) * 1000) / 10;
}
