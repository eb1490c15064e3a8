"use client";
import { useTranslations } from "next-intl";
import type { Definition } from "@/lib/instruments/definition";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { Checkbox, Select } from "./controls";
import { LocalizedField } from "./localized-field";

/** Title, introduction and the instrument's languages: default, required, and those shown while editing. */
export function SettingsCard({ definition, onChange, editLocales, onEditLocales, errors }: { definition: Definition; onChange: (definition: Definition) => void; editLocales: Locale[]; onEditLocales: (locales: Locale[]) => void; errors: string[] }) {
  const t = useTranslations("builder");
  const te = useTranslations("errors");
  const { defaultLocale, requiredLocales } = definition;
  const toggle = (list: Locale[], locale: Locale, checked: boolean) => LOCALES.filter((code) => (code === locale ? checked : list.includes(code)));
  return (
    <section aria-labelledby="settings-heading" className="space-y-5 rounded-lg border border-border bg-surface p-4 shadow-sm">
      <h2 id="settings-heading" className="text-lg font-semibold">
        {t("settingsTitle")}
      </h2>
      {errors.length > 0 && (
        <ul role="alert" className="rounded-md border border-danger bg-danger-bg px-3 py-2 text-sm text-danger">
          {errors.map((key) => (
            <li key={key}>{te(key)}</li>
          ))}
        </ul>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <Select
          id="default-locale"
          label={t("defaultLocale")}
          value={defaultLocale}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
          onChange={(value) => {
            const locale = value as Locale;
            onChange({ ...definition, defaultLocale: locale, requiredLocales: toggle(requiredLocales, locale, true) });
            if (!editLocales.includes(locale)) onEditLocales(toggle(editLocales, locale, true));
          }}
        />
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("requiredLocales")}</legend>
          {LOCALES.map((locale) => (
            <Checkbox
              key={locale}
              id={`required-${locale}`}
              label={LOCALE_NAMES[locale]}
              checked={requiredLocales.includes(locale)}
              disabled={locale === defaultLocale}
              hint={locale === defaultLocale ? t("defaultAlwaysRequired") : requiredLocales.includes(locale) ? undefined : t("fallsBack", { language: LOCALE_NAMES[defaultLocale] })}
              onChange={(checked) => onChange({ ...definition, requiredLocales: toggle(requiredLocales, locale, checked) })}
            />
          ))}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("editLocales")}</legend>
          {LOCALES.map((locale) => (
            <Checkbox
              key={locale}
              id={`edit-${locale}`}
              label={LOCALE_NAMES[locale]}
              checked={editLocales.includes(locale)}
              disabled={editLocales.length === 1 && editLocales.includes(locale)}
              onChange={(checked) => onEditLocales(toggle(editLocales, locale, checked))}
            />
          ))}
        </fieldset>
      </div>
      <LocalizedField path="title" label={t("title")} value={definition.title} onChange={(title) => onChange({ ...definition, title })} />
      <LocalizedField path="intro" label={t("intro")} value={definition.intro} multiline isOptional onChange={(intro) => onChange({ ...definition, intro })} />
    </section>
  );
}
