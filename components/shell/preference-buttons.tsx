import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface PreferenceOption<V extends string> {
  value: V;
  content: ReactNode;
  lang?: string;
  title?: string;
}

/**
 * A preference as a row of buttons, the current one pressed: one tap on a phone, and it works
 * without JavaScript. `action` is a server action on Next's pages, or an address that takes the
 * same post as a plain form (the lean server's pages, server/lean-pages.tsx).
 */
export function PreferenceButtons<V extends string>({ name, label, current, options, action, buttonClassName }: { name: string; label: string; current: V; options: Array<PreferenceOption<V>>; action: string | ((formData: FormData) => Promise<void>); buttonClassName?: string }) {
  return (
    // React posts a server action itself; an address is a plain post.
    <form action={action} method={typeof action === "string" ? "post" : undefined} aria-label={label} className="flex items-center gap-1">
      {options.map((option) => (
        <button
          key={option.value}
          type="submit"
          name={name}
          value={option.value}
          lang={option.lang}
          title={option.title}
          aria-pressed={option.value === current}
          className={cn("min-h-9 rounded px-2 text-xs", buttonClassName, option.value === current ? "bg-primary text-primary-fg" : "text-muted hover:bg-accent")}
        >
          {option.content}
        </button>
      ))}
    </form>
  );
}
