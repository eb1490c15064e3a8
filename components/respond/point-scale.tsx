"use client";
import { cn } from "@/components/ui/cn";

export interface Point {
  value: number;
  /** What sighted people see on the tile (a number or stars). */
  display: React.ReactNode;
  /** The radio's accessible name. */
  name: string;
}

interface PointScaleProps {
  name: string;
  points: Point[];
  value: number | undefined;
  onChange: (value: number) => void;
  describedBy?: string;
  /** Tailwind grid columns, e.g. "grid-cols-6 sm:grid-cols-11". */
  columns: string;
  /** Fill every tile up to the chosen one (star ratings). */
  isCumulative?: boolean;
}

/** A row of large numbered tiles that are radios underneath: arrow keys move, Space chooses. */
export function PointScale({ name, points, value, onChange, describedBy, columns, isCumulative }: PointScaleProps) {
  return (
    <div className={cn("grid gap-2", columns)}>
      {points.map((point) => {
        const isFilled = value !== undefined && (isCumulative ? point.value <= value : point.value === value);
        return (
          <label key={point.value} className="relative block">
            <input
              type="radio"
              name={name}
              value={point.value}
              checked={value === point.value}
              onChange={() => onChange(point.value)}
              aria-label={point.name}
              aria-describedby={describedBy}
              className="peer absolute inset-0 z-10 size-full cursor-pointer opacity-0"
            />
            <span
              aria-hidden="true"
              className={cn(
                "flex min-h-12 cursor-pointer select-none items-center justify-center rounded-lg border text-lg font-semibold transition-colors peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[var(--focus)]",
                isFilled ? "border-primary bg-primary text-primary-fg" : cn("border-border bg-surface hover:bg-accent", isCumulative && "text-muted"),
              )}
            >
              {point.display}
            </span>
          </label>
        );
      })}
    </div>
  );
}
