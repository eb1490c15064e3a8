import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { cookieFromHeader } from "@/lib/http/cookies";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./locales";

/** Browser preference from an Accept-Language header, negotiated against the supported locales. */
export function localeFromAcceptLanguage(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const languages = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  try {
    const matched = match(languages, LOCALES, DEFAULT_LOCALE);
    return isLocale(matched) ? matched : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The reader's language: their profile first, then the switcher's cookie, then the browser.
 */
export function resolveLocale(input: { profileLocale?: string | null; cookieLocale?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.profileLocale)) return input.profileLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;
  return localeFromAcceptLanguage(input.acceptLanguage ?? null);
}

/** The reader's language from a request's Cookie and Accept-Language headers (and their profile's, when known). */
export function localeFromRequestHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined, profileLocale?: string | null): Locale {
  return resolveLocale({ profileLocale, cookieLocale: cookieFromHeader(cookieHeader, LOCALE_COOKIE), acceptLanguage });
}
