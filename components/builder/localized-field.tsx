"use client";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { LocalizedText } from "@/lib/instruments/definition";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { fieldId, useBuilderSettings } from "./builder-context";

const CONTROL = "block w-full min-h-11 rounded-md border border-border bg-surface px-3 py-2 text-base text-fg placeholder:text-muted";

/**
 * One text of the instrument in each language being edited, side by side on wide screens. An empty
 * required language is marked; the default language's text is shown as the placeholder to translate from.
 */
export function LocalizedField({ path, label, value, onChange, multiline = false, isOptional = false }: { path: string; label: string; value: LocalizedText | undefined; onChange: (text: LocalizedText) => void; multiline?: boolean; isOptional?: boolean }) {
  const t = useTranslations("builder");
  const { editLocales, defaultLocale, requiredLocales } = useBuilderSettings();
  const hasAny = Object.values(value ?? {}).some((text) => text?.trim());
  return (
    <div className={cn("grid gap-3", editLocales.length === 2 && "sm:grid-cols-2", editLocales.length === 3 && "xl:grid-cols-3")}>
      {editLocales.map((locale) => {
        const id = fieldId(path, locale);
        const isMissing = requiredLocales.includes(locale) && !value?.[locale]?.trim() && (!isOptional || hasAny);
        const props = {
          id,
          value: value?.[locale] ?? "",
          placeholder: locale === defaultLocale ? undefined : value?.[defaultLocale],
          maxLength: 2000,
          "aria-describedby": isMissing ? `${id}-missing` : undefined,
          onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...value, [locale]: event.target.value }),
          className: cn(CONTROL, isMissing && "border-warning"),
        };
        return (
          <div key={locale} className="min-w-0 space-y-1">
            <label htmlFor={id} className="block text-sm font-medium">
              {t("fieldInLanguage", { field: label, language: LOCALE_NAMES[locale] })}
            </label>
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
            {isMissing && (
              <p id={`${id}-missing`} className="text-xs text-warning">
                {t("missingHere")}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
