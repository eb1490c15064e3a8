import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

type Tone = "neutral" | "success" | "warning" | "danger";

export interface ImportPreviewProps {
  /** The columns to show, in order: `key` names a cell of each row. */
  columns: Array<{ key: string; label: string }>;
  rows: Array<{ cells: Record<string, string | undefined>; status?: { label: string; tone: Tone } }>;
  /** Row errors, already translated, by line of the file (the header is line 1). */
  errors: Array<{ line: number; column: string | null; message: string }>;
  /** Counts above the table: new, updated, skipped, merged duplicates… */
  summary: Array<{ label: string; value: number; tone?: Tone }>;
  labels: { rowsCaption: string; errorsTitle: string; line: string; column: string; problem: string; wholeRow: string; status: string; moreRows: (count: number) => string };
  /** Long files show their first rows only; the summary still counts all of them. */
  maxRows?: number;
}

/**
 * The preview of a CSV import before it is confirmed: counts, the rows that will be written with what
 * happens to each, and the rows that will not be, by line and column. Shared by every import.
 */
export function ImportPreview({ columns, rows, errors, summary, labels, maxRows = 100 }: ImportPreviewProps) {
  const columnLabel = new Map(columns.map((column) => [column.key, column.label]));
  const hasStatus = rows.some((row) => row.status);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-summary">
        {summary.map((item) => (
          <div key={item.label} className="rounded-md border border-border bg-surface px-3 py-2">
            <dt className="text-xs text-muted">{item.label}</dt>
            <dd className={item.tone === "danger" && item.value > 0 ? "text-xl font-semibold text-danger" : "text-xl font-semibold"}>{item.value}</dd>
          </div>
        ))}
      </dl>
      {errors.length > 0 && (
        <Card className="border-danger p-0">
          <h3 className="px-4 pt-4 font-semibold text-danger">{labels.errorsTitle}</h3>
          <ul className="divide-y divide-border text-sm" data-testid="import-errors">
            {errors.map((error, index) => (
              <li key={index} className="grid grid-cols-[auto_1fr] gap-x-3 px-4 py-2 sm:grid-cols-[6rem_10rem_1fr]">
                <span className="font-medium">
                  {labels.line} {error.line}
                </span>
                <span className="text-muted">
                  <span className="sr-only">{labels.column}: </span>
                  {error.column ? columnLabel.get(error.column) ?? error.column : labels.wholeRow}
                </span>
                <span className="col-span-2 sm:col-span-1">
                  <span className="sr-only">{labels.problem}: </span>
                  {error.message}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {rows.length > 0 && (
        <DataTable caption={labels.rowsCaption} columns={[...columns.map((column) => ({ label: column.label })), ...(hasStatus ? [{ label: labels.status }] : [])]}>
          {rows.slice(0, maxRows).map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.key} className="px-4 py-2 whitespace-nowrap">
                  {row.cells[column.key] ?? ""}
                </td>
              ))}
              {hasStatus && <td className="px-4 py-2 whitespace-nowrap">{row.status && <Badge tone={row.status.tone}>{row.status.label}</Badge>}</td>}
            </tr>
          ))}
        </DataTable>
      )}
      {rows.length > maxRows && <p className="text-sm text-muted">{labels.moreRows(rows.length - maxRows)}</p>}
    </div>
  );
}
