import type { Estimate } from "@/lib/statistics/intervals";

import type { createFormatter } from "next-intl";

type NumberFormatter = Pick<ReturnType<typeof createFormatter>, "number">;

/** "64" and "52–77" for a 0–100 pulse score. */
export function formatPulse(format: NumberFormatter, estimate: Estimate) {
  const value = (x: number) => format.number(x, { maximumFractionDigits: 0 });
  return { value: value(estimate.value), interval: estimate.lower === null || estimate.upper === null ? null : `${value(estimate.lower)}–${value(estimate.upper)}` };
}

/** "83%" and "64–93%" for a proportion. */
export function formatRate(format: NumberFormatter, estimate: Estimate) {
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  return { value: percent(estimate.value), interval: estimate.lower === null || estimate.upper === null ? null : `${percent(estimate.lower)}–${percent(estimate.upper)}` };
}

/** The sample size as statisticians write it: a symbol, the same in every language. */
export function formatN(format: NumberFormatter, n: number) {
  return `n = ${format.number(n)}`;
}
