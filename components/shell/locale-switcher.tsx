import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import type { Locale } from "@/lib/i18n/locales";
import { LocaleButtons } from "./locale-buttons";

/** The language buttons of every Next page's header. */
export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return <LocaleButtons locale={locale as Locale} label={t("language")} action={setLocaleAction} />;
}
