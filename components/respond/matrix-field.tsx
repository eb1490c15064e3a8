"use client";
import { PointScale } from "./point-scale";

interface MatrixFieldProps {
  baseId: string;
  rows: Array<{ id: string; label: string }>;
  labels: string[];
  value: Record<string, number> | undefined;
  onChange: (value: Record<string, number> | undefined) => void;
  describedBy?: string;
}

/**
 * A Likert row per item. The scale's labels are listed once; each row is its own radio group
 * of numbered tiles, stacked, so it fits a phone without sideways scrolling.
 */
export function MatrixField({ baseId, rows, labels, value, onChange, describedBy }: MatrixFieldProps) {
  const legendId = `${baseId}-scale`;
  const points = labels.map((label, index) => ({ value: index + 1, display: index + 1, name: `${index + 1} – ${label}` }));
  const columns = labels.length === 7 ? "grid-cols-7" : "grid-cols-5";
  return (
    <div className="space-y-4">
      <ol id={legendId} className="grid gap-x-4 gap-y-1 rounded-lg bg-accent px-4 py-3 text-sm sm:grid-cols-2">
        {labels.map((label, index) => (
          <li key={index}>
            <span className="font-semibold">{index + 1}</span> – {label}
          </li>
        ))}
      </ol>
      {rows.map((row) => (
        <fieldset key={row.id} className="min-w-0 rounded-lg border border-border bg-surface p-3" aria-describedby={legendId}>
          {/* Floated, so a long row label wraps inside the card instead of breaking its border. */}
          <legend className="float-left mb-2 w-full text-base font-medium">{row.label}</legend>
          <div className="clear-both" />
          <PointScale
            name={`${baseId}-${row.id}`}
            points={points}
            value={value?.[row.id]}
            describedBy={describedBy}
            columns={columns}
            onChange={(point) => onChange({ ...value, [row.id]: point })}
          />
        </fieldset>
      ))}
    </div>
  );
}
