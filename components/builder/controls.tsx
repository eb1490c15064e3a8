"use client";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

const CONTROL = "block w-full min-h-11 rounded-md border border-border bg-surface px-3 py-2 text-base text-fg";

/** A labelled select for the builder's settings, with plain string values. */
export function Select({ id, label, value, onChange, options, className }: { id: string; label: string; value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }>; className?: string }) {
  return (
    <div className={cn("min-w-0 space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={CONTROL}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A whole number; the typed text is kept while it is being edited, so clearing the field does not snap back. */
export function NumberInput({ id, label, value, onChange, min, max, className }: { id: string; label: string; value: number | undefined; onChange: (value: number | undefined) => void; min?: number; max?: number; className?: string }) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  return (
    <div className={cn("min-w-0 space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const number = event.target.valueAsNumber;
          onChange(Number.isInteger(number) ? number : undefined);
        }}
        onBlur={() => setText(value === undefined ? "" : String(value))}
        className={CONTROL}
      />
    </div>
  );
}

export function Checkbox({ id, label, checked, onChange, disabled, hint }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean; hint?: string }) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} className="mt-0.5 size-5 shrink-0 accent-primary" />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
