import { createHash } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";

/** What a member's consent is bound to: a changed text no longer matches the hash they accepted. */
export function consentTextHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The consent text a new council starts with, in its default language: what, why, who sees it, how to leave. */
export function defaultConsentText(locale: Locale, councilName: string): string {
  return translatorFor(locale)("councils.defaultConsent", { council: councilName });
}
