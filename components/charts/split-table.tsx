import { useFormatter } from "next-intl";

/** One group of a split: its size, the share choosing each option and the mean, or why it is withheld. */
export type SplitTableRow = { key: string; label: string } & ({ withheld: false; n: number; percents: Record<string, number>; mean: number | null } | { withheld: true; note: string });

/**
 * A result split by an attribute: a row per group with its size and the share of each option (and
 * the mean of a scale); a withheld group says why instead of showing numbers.
 */
export function SplitTable({ caption, headings, options, rows, showMean }: {
  caption: string;
  headings: { group: string; size: string; mean: string };
  options: Array<{ key: string; label: string }>;
  rows: SplitTableRow[];
  showMean: boolean;
}) {
  const format = useFormatter();
  return (
    <div className="overflow-x-auto" aria-live="polite">
      <table className="w-full text-sm" data-testid="split-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{headings.group}</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">{headings.size}</th>
            {options.map((option) => (
              <th key={option.key} scope="col" className="py-1 pr-3 text-right font-medium">{option.label}</th>
            ))}
            {showMean && <th scope="col" className="py-1 text-right font-medium">{headings.mean}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.key} data-testid="split-row">
              <th scope="row" className="py-2 pr-3 text-left font-normal">{row.label}</th>
              {row.withheld ? (
                <td colSpan={options.length + 1 + (showMean ? 1 : 0)} className="py-2 text-muted">{row.note}</td>
              ) : (
                <>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(row.n)}</td>
                  {options.map((option) => (
                    <td key={option.key} className="py-2 pr-3 text-right tabular-nums">{format.number((row.percents[option.key] ?? 0) / 100, { style: "percent", maximumFractionDigits: 1 })}</td>
                  ))}
                  {showMean && <td className="py-2 text-right tabular-nums">{row.mean === null ? "—" : format.number(row.mean, { maximumFractionDigits: 1 })}</td>}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
