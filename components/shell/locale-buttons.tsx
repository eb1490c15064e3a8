import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";

/**
 * One button per language: works without JavaScript and is one tap on a phone. `action` is the
 * server action in Next's pages, or the page's own address on the lean server's pages, which take
 * the same post (server/lean-pages.tsx).
 */
export function LocaleButtons({ locale, label, action }: { locale: Locale; label: string; action: string | ((formData: FormData) => Promise<void>) }) {
  return (
    // React posts a server action itself; an address is a plain post.
    <form action={action} method={typeof action === "string" ? "post" : undefined} aria-label={label} className="flex items-center gap-1">
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          title={LOCALE_NAMES[code]}
          className={cn("min-h-9 min-w-9 rounded px-2 text-xs font-semibold uppercase", code === locale ? "bg-primary text-primary-fg" : "text-muted hover:bg-accent")}
        >
          <span aria-hidden="true">{code}</span>
          <span className="sr-only">{LOCALE_NAMES[code]}</span>
        </button>
      ))}
    </form>
  );
}
