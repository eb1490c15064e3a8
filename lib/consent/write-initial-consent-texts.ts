import "server-only";
import type { Db } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { OPTIONAL_PURPOSES, type OptionalPurpose } from "./consent-state";
import { writeConsentVersion } from "./publish-consent-text";

/** The default text of an optional purpose, in the program's language. */
export function defaultPurposeText(locale: Locale, purpose: OptionalPurpose, programName: string): string {
  return translatorFor(locale)(`consent.defaultText.${purpose}`, { program: programName });
}

/**
 * A new council or panel starts with version 1 of every purpose: research from its consent text, the
 * optional purposes from the catalog's defaults in its language. Runs in the creating transaction.
 */
export async function writeInitialConsentTexts(tx: Db, program: { id: string; organizationId: string; name: string; defaultLocale: Locale; consentText: string }, actorUserId: string, now = new Date()) {
  const base = { organizationId: program.organizationId, programId: program.id, isMaterial: true, actorUserId };
  await writeConsentVersion(tx, { ...base, purpose: "research", body: program.consentText }, now);
  for (const purpose of OPTIONAL_PURPOSES) await writeConsentVersion(tx, { ...base, purpose, body: defaultPurposeText(program.defaultLocale, purpose, program.name) }, now);
}
