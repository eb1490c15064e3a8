import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { PreferenceButtons } from "./preference-buttons";

/** One button per language, each showing its code and named in its own language. */
export function LocaleButtons({ locale, label, action }: { locale: Locale; label: string; action: string | ((formData: FormData) => Promise<void>) }) {
  const options = LOCALES.map((code) => ({
    value: code,
    lang: code,
    title: LOCALE_NAMES[code],
    content: (
      <>
        <span aria-hidden="true">{code}</span>
        <span className="sr-only">{LOCALE_NAMES[code]}</span>
      </>
    ),
  }));
  return <PreferenceButtons name="locale" label={label} current={locale} options={options} action={action} buttonClassName="min-w-9 font-semibold uppercase" />;
}
