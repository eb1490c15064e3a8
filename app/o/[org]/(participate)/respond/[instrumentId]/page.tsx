import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { RespondForm } from "@/components/respond/respond-form";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { getMyResponse } from "@/lib/responses/get-my-response";

export default async function RespondPage({ params }: { params: Promise<{ org: string; instrumentId: string }> }) {
  const { org, instrumentId } = await params;
  const { actor, organization } = await loadOrgPage(org, "instruments.respond", `/respond/${instrumentId}`);
  if (!z.uuid().safeParse(instrumentId).success) notFound();
  const form = await getMyResponse(await getDb(), actor, { id: organization.id }, instrumentId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { definition } = form.version;
  const languages = LOCALES.filter((code) => definition.requiredLocales.includes(code) || definition.title[code]);
  const personLocale = (await getLocale()) as Locale;
  const { response } = form;
  return (
    <RespondForm
      orgSlug={organization.slug}
      userId={actor.userId}
      instrumentId={form.instrumentId}
      definition={definition}
      languages={languages}
      initialLocale={languages.includes(personLocale) ? personLocale : definition.defaultLocale}
      server={response && { id: response.id, status: response.status, answers: response.answers, locale: response.locale, updatedAt: response.updatedAt.toISOString() }}
      messages={Object.fromEntries(languages.map((code) => [code, { respond: MESSAGES[code].respond, errors: MESSAGES[code].errors }]))}
      portalHref={`/o/${organization.slug}/portal`}
    />
  );
}
