import { useFormatter } from "next-intl";

export interface BarRow {
  key: string;
  label: string;
  n: number;
  /** Share of respondents, 0–100 (the options of a multiple choice can add up to more). */
  percent: number;
}

/**
 * A distribution as a table whose rows carry a bar: screen readers get the table, everyone gets
 * the numbers beside each bar. The bar sits under its label, so it has the whole width on a phone.
 */
export function BarTable({ caption, rows, headings, rowTestId, testId }: { caption: string; rows: BarRow[]; headings: { option: string; count: string; percent: string }; rowTestId: string; testId?: string }) {
  const format = useFormatter();
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-muted">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">{headings.option}</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">{headings.count}</th>
          <th scope="col" className="py-1 text-right font-medium">{headings.percent}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={rowTestId} data-bucket={row.key}>
            <th scope="row" className="w-full py-1.5 pr-3 text-left font-normal">
              <span className="break-words">{row.label}</span>
              <div className="mt-1 h-3 rounded bg-accent" aria-hidden="true">
                <div className="h-3 rounded bg-primary transition-[width]" style={{ width: `${Math.min(100, row.percent)}%`, minWidth: row.n > 0 ? "2px" : 0 }} />
              </div>
            </th>
            <td className="py-1.5 pr-3 text-right align-top tabular-nums">{format.number(row.n)}</td>
            <td className="py-1.5 text-right align-top tabular-nums">{format.number(row.percent / 100, { style: "percent", maximumFractionDigits: 1 })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
