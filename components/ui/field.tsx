import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { ControlledSelect } from "./controlled-select";

const CONTROL = "block w-full min-h-11 rounded-md border border-border bg-surface px-3 py-2 text-base text-fg placeholder:text-muted aria-[invalid=true]:border-danger";

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled control whose error and hint are announced with it (aria-describedby). */
export function TextField({ id, label, error, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={CONTROL} {...input} />
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-danger">{error}</p>}
    </div>
  );
}

export function SelectField({ id, label, error, hint, className, options, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const choices = options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {select.value === undefined ? (
        // React never moves an uncontrolled select's default after mounting, so a form reset after a
        // server answer would bring back the first choice: a new default value mounts a new select.
        <select key={select.defaultValue === undefined ? undefined : String(select.defaultValue)} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={CONTROL} {...select}>
          {choices}
        </select>
      ) : (
        <ControlledSelect id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={CONTROL} {...select}>
          {choices}
        </ControlledSelect>
      )}
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-danger">{error}</p>}
    </div>
  );
}
