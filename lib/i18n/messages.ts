import { createTranslator } from "next-intl";
import en from "./messages/en.json";
import pl from "./messages/pl.json";
import ru from "./messages/ru.json";
import type { Locale } from "./locales";

export type Messages = typeof en;
export const MESSAGES: Record<Locale, Messages> = { en, pl, ru };

/** A translator outside a request (emails, jobs): same catalog as the pages. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
