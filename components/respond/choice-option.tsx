"use client";
import type { InputHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A radio or checkbox as a large card: the whole card is the label, the native input keeps the semantics. */
export function ChoiceOption({ label, className, ...input }: { label: React.ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label
      className={cn(
        "flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-border bg-surface px-4 py-3 text-base transition-colors hover:bg-accent has-[:checked]:border-primary has-[:checked]:bg-accent has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
        className,
      )}
    >
      <input className="size-5 shrink-0 accent-[var(--primary)]" {...input} />
      <span className="min-w-0 flex-1">{label}</span>
    </label>
  );
}
