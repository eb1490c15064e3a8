import type { PollResults } from "./poll-results";

export type ResultCell = string | number;

/**
 * The aggregate as rows for a file: every option overall, then per group of the split. A withheld
 * group is one row saying so, with no numbers, exactly as on screen.
 */
export function resultsTable(results: PollResults, withheld: string): ResultCell[][] {
  const rows: ResultCell[][] = results.options.map((option) => ["", "", option.label, option.n, option.percent]);
  if (results.mean !== null) rows.push(["", "", "mean", Math.round(results.mean * 100) / 100, ""]);
  for (const group of results.groups ?? []) {
    if (group.suppressed) rows.push([results.split ?? "", group.value, withheld, "", ""]);
    else for (const option of group.options) rows.push([results.split ?? "", group.value, option.label, option.n, option.percent]);
  }
  return rows;
}
