export const LOCALES = ["en", "pl", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Native names, so a reader who cannot read the current language still finds their own. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", pl: "Polski", ru: "Русский" };
