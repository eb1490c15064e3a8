import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { RespondForm } from "@/components/respond/respond-form";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { localize } from "@/lib/instruments/localize";
import { MESSAGES } from "@/lib/i18n/messages";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { getMyResponse } from "@/lib/responses/get-my-response";

type Params = Promise<{ org: string; instrumentId: string }>;

/** The form and the person's response so far, read once per request (page and title). */
const loadForm = cache(async (org: string, instrumentId: string) => {
  const context = await loadOrgPage(org, "instruments.respond", `/respond/${instrumentId}`);
  if (!z.uuid().safeParse(instrumentId).success) notFound();
  const form = await getMyResponse(await getDb(), context.actor, { id: context.organization.id }, instrumentId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { ...context, form, locale: (await getLocale()) as Locale };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, instrumentId } = await params;
  const { form, locale } = await loadForm(org, instrumentId);
  return { title: localize(form.version.definition.title, locale, form.version.definition.defaultLocale) };
}

export default async function RespondPage({ params }: { params: Params }) {
  const { org, instrumentId } = await params;
  const { actor, organization, form, locale } = await loadForm(org, instrumentId);
  const { definition } = form.version;
  const languages = LOCALES.filter((code) => definition.requiredLocales.includes(code) || definition.title[code]);
  const { response } = form;
  return (
    <RespondForm
      orgSlug={organization.slug}
      userId={actor.userId}
      instrumentId={form.instrumentId}
      definition={definition}
      languages={languages}
      initialLocale={languages.includes(locale) ? locale : definition.defaultLocale}
      server={response && { id: response.id, status: response.status, answers: response.answers, locale: response.locale, updatedAt: response.updatedAt.toISOString() }}
      messages={Object.fromEntries(languages.map((code) => [code, { respond: MESSAGES[code].respond, errors: MESSAGES[code].errors }]))}
      portalHref={`/o/${organization.slug}/portal`}
    />
  );
}
