import type { Locale } from "@/lib/i18n/locales";

/**
 * How a cycle is named after the period it covers: "January 2027" for a monthly cycle,
 * "Q1 2027" for a quarterly one, "January 2027 – March 2027" for any other span.
 */
export function periodLabel(opensAt: Date, monthsCovered: number, locale: Locale): string {
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  if (monthsCovered <= 1) return month.format(opensAt);
  const year = opensAt.getUTCFullYear();
  if (monthsCovered === 3 && opensAt.getUTCMonth() % 3 === 0) return `Q${opensAt.getUTCMonth() / 3 + 1} ${year}`;
  const last = new Date(Date.UTC(year, opensAt.getUTCMonth() + monthsCovered - 1, 1));
  return `${month.format(opensAt)} – ${month.format(last)}`;
}
