import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InstrumentBuilder } from "@/components/builder/instrument-builder";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { definitionSchema } from "@/lib/instruments/definition";
import { getInstrument } from "@/lib/instruments/get-instrument";
import { instrumentIdSchema } from "@/lib/instruments/schemas";
import { isAppError } from "@/lib/errors";
import { publishInstrumentAction, saveDraftAction, setAvailabilityAction } from "../actions";

export default async function InstrumentBuilderPage({ params }: { params: Promise<{ org: string; instrumentId: string }> }) {
  const { org, instrumentId } = await params;
  const { organization, actor } = await loadOrgPage(org, "instruments.manage", "/workspace/instruments");
  const parsed = instrumentIdSchema.safeParse({ instrumentId });
  if (!parsed.success) notFound();
  const db = await getDb();
  const instrument = await getInstrument(db, actor, organization.id, parsed.data.instrumentId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tr] = await Promise.all([getTranslations("builder"), getTranslations("responses")]);
  return (
    <>
      <h1 className="sr-only">{t("pageTitle", { name: instrument.name })}</h1>
      {instrument.latestVersion > 0 && (
        <p className="mb-3 text-right text-sm">
          <Link href={`/o/${organization.slug}/workspace/instruments/${instrument.id}/responses`} className="font-medium text-primary underline">
            {tr("viewResponses")}
          </Link>
        </p>
      )}
      <InstrumentBuilder
        key={instrument.id}
        orgId={organization.id}
        orgSlug={organization.slug}
        actions={{ saveDraft: saveDraftAction, publish: publishInstrumentAction, setAvailability: setAvailabilityAction }}
        instrument={{
          id: instrument.id,
          name: instrument.name,
          revision: instrument.draftRevision,
          definition: definitionSchema.parse(instrument.draft),
          latestVersion: instrument.latestVersion,
          hasUnpublishedChanges: instrument.hasUnpublishedChanges,
          isOpen: instrument.isOpen,
          audience: instrument.audience as Array<"participant" | "frontline">,
          versions: instrument.versions.map((version) => ({ version: version.version, publishedAt: version.publishedAt.toISOString() })),
        }}
      />
    </>
  );
}
