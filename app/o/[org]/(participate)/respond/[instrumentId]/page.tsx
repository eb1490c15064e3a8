import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { RespondForm } from "@/components/respond/respond-form";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { respondFormPage } from "@/lib/responses/respond-form-page";

// The production server answers this page itself, lighter (server/lean-pages.tsx); this route
// serves `next dev` and every request that page hands back (signed out, not found, forbidden).
type Params = Promise<{ org: string; instrumentId: string }>;

/** The form and the person's response so far, read once per request (page and title). */
const loadForm = cache(async (org: string, instrumentId: string) => {
  const context = await loadOrgPage(org, "instruments.respond", `/respond/${instrumentId}`);
  if (!z.uuid().safeParse(instrumentId).success) notFound();
  return respondFormPage(await getDb(), context.actor, { id: context.organization.id }, instrumentId, (await getLocale()) as Locale).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, instrumentId } = await params;
  return { title: (await loadForm(org, instrumentId)).title };
}

export default async function RespondPage({ params }: { params: Params }) {
  const { org, instrumentId } = await params;
  return <RespondForm {...(await loadForm(org, instrumentId)).form} />;
}
