import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";

/** One button per language: works without JavaScript and is one tap on a phone. */
export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <form action={setLocaleAction} aria-label={t("language")} className="flex items-center gap-1">
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
