import "server-only";
import type { Db } from "@/db/client";
import type { Actor, OrgRef } from "@/lib/authz/require-permission";
import { localize } from "@/lib/instruments/localize";
import { MESSAGES } from "@/lib/i18n/messages";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { getMyResponse } from "./get-my-response";

/**
 * What the respondent's form page shows, for the Next page and the lean server's page alike: the
 * title, the organization, and the form's props (the instrument in the languages it is written in,
 * the person's response so far, and the form's texts in each of those languages).
 */
export async function respondFormPage(db: Db, actor: Actor, org: OrgRef, instrumentId: string, locale: Locale) {
  const form = await getMyResponse(db, actor, org, instrumentId);
  const { definition } = form.version;
  const languages = LOCALES.filter((code) => definition.requiredLocales.includes(code) || definition.title[code]);
  const { response, organization } = form;
  return {
    title: localize(definition.title, locale, definition.defaultLocale),
    organization,
    form: {
      orgSlug: organization.slug,
      userId: actor.userId,
      instrumentId: form.instrumentId,
      definition,
      languages,
      initialLocale: languages.includes(locale) ? locale : definition.defaultLocale,
      server: response && { id: response.id, status: response.status, answers: response.answers, locale: response.locale, updatedAt: response.updatedAt.toISOString() },
      messages: Object.fromEntries(languages.map((code) => [code, { respond: MESSAGES[code].respond, errors: MESSAGES[code].errors }])),
      portalHref: `/o/${organization.slug}/portal`,
    },
  };
}
