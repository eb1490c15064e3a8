import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A labelled multi-line input whose error and hint are announced with it, like TextField. */
export function TextAreaField({ id, label, error, hint, className, ...textarea }: { id: string; label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block min-h-24 w-full rounded-md border border-border bg-surface px-3 py-2 text-base text-fg placeholder:text-muted aria-[invalid=true]:border-danger"
        {...textarea}
      />
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-danger">{error}</p>}
    </div>
  );
}
