"use client";
import { useTranslations } from "next-intl";
import type { MissingTranslation } from "@/lib/instruments/translations";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/** "Question 3 · Option 2" for a path of missingTranslations(). */
export function usePathLabel() {
  const t = useTranslations("builder");
  return (path: string): string => {
    if (path === "title") return t("title");
    if (path === "intro") return t("intro");
    const [, index, field, sub] = path.split(".");
    const question = t("questionNumber", { number: Number(index) + 1 });
    const part =
      field === "labels" ? t("pointLabel", { point: Number(sub) + 1 })
      : field === "choices" ? t("optionLabel", { number: Number(sub) + 1 })
      : field === "rows" ? t("rowLabel", { number: Number(sub) + 1 })
      : field === "minLabel" ? t("minLabel")
      : field === "maxLabel" ? t("maxLabel")
      : field === "copy" ? t("stimulusCopy")
      : field === "help" ? t("help")
      : t("prompt");
    return `${question} · ${part}`;
  };
}

/** The texts still missing per required language; each one jumps to its input. */
export function TranslationsPanel({ missing, onGoTo }: { missing: MissingTranslation[]; onGoTo: (item: MissingTranslation) => void }) {
  const t = useTranslations("builder");
  const pathLabel = usePathLabel();
  const byLocale = LOCALES.map((locale) => [locale, missing.filter((item) => item.locale === locale)] as [Locale, MissingTranslation[]]).filter(([, items]) => items.length > 0);
  return (
    <section aria-labelledby="translations-heading" className="space-y-2" data-testid="missing-translations">
      <h3 id="translations-heading" className="font-semibold">
        {t("translationsTitle")}
      </h3>
      {byLocale.length === 0 ? (
        <p className="text-sm text-success">{t("translationsComplete")}</p>
      ) : (
        byLocale.map(([locale, items]) => (
          <details key={locale} className="rounded-md border border-warning bg-warning-bg px-3 py-2 text-sm" data-locale={locale}>
            <summary className="min-h-9 cursor-pointer py-1 font-medium text-warning">{t("missingIn", { language: LOCALE_NAMES[locale], count: items.length })}</summary>
            <ul className="mt-1 space-y-1">
              {items.map((item) => (
                <li key={`${item.path}-${locale}`}>
                  <button type="button" className="min-h-9 text-left text-fg underline underline-offset-2 hover:text-primary" onClick={() => onGoTo(item)}>
                    {pathLabel(item.path)}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        ))
      )}
    </section>
  );
}
