import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { buttonClasses } from "@/components/ui/button";
import { instrumentFiltersSchema, listInstrumentPrograms, listInstruments } from "@/lib/instruments/list-instruments";
import { CreateInstrumentForm } from "./create-instrument-form";

export default async function InstrumentsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, filters] = await Promise.all([params, searchParams.then((raw) => instrumentFiltersSchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "instruments.manage", "/workspace/instruments");
  const db = await getDb();
  const [t, tr, format, instruments, programs] = await Promise.all([
    getTranslations("instruments"),
    getTranslations("responses"),
    getFormatter(),
    listInstruments(db, actor, organization.id, filters),
    listInstrumentPrograms(db, actor, organization.id),
  ]);
  const versionText = (version: number) => (version > 0 ? t("versionNumber", { version }) : t("neverPublished"));
  const form = <CreateInstrumentForm orgId={organization.id} orgSlug={organization.slug} defaultLocale={organization.defaultLocale} />;
  if (instruments.length === 0 && !filters.program) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState title={t("emptyTitle")} action={<div className="w-full max-w-2xl">{form}</div>}>
          {t("emptyBody")}
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
        {form}
      </Card>
      {programs.length > 0 && (
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="filter-program" className="block text-sm font-medium">{t("programFilter")}</label>
            <select id="filter-program" name="program" defaultValue={filters.program ?? ""} className="min-h-11 rounded-md border border-border bg-surface px-3">
              <option value="">{t("allPrograms")}</option>
              {programs.map((program) => (
                <option key={program.id} value={program.id}>{program.name}</option>
              ))}
              <option value="none">{t("noProgram")}</option>
            </select>
          </div>
          <button type="submit" className={buttonClasses("secondary")}>{t("applyFilter")}</button>
        </form>
      )}
      {instruments.length === 0 ? (
        <EmptyState title={t("noneInProgram")}>{t("noneInProgramBody")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="border-b border-border text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">{t("name")}</th>
                <th scope="col" className="hidden px-4 py-3 font-medium lg:table-cell">{t("program")}</th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">{t("version")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("status")}</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">{t("completed")}</th>
                <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">{t("updated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {instruments.map((instrument) => (
                <tr key={instrument.id} data-testid="instrument-row">
                  <td className="px-4 py-3">
                    <Link href={`/o/${organization.slug}/workspace/instruments/${instrument.id}`} className="font-medium text-primary underline-offset-2 hover:underline">
                      {instrument.name}
                    </Link>
                    <span className="block text-xs text-muted sm:hidden">{versionText(instrument.latestVersion)}</span>
                    {instrument.hasUnpublishedChanges && (
                      <span className="mt-1 block sm:mt-0 sm:ml-2 sm:inline">
                        <Badge tone="warning">{t("unpublishedChanges")}</Badge>
                      </span>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 lg:table-cell">{instrument.program?.name ?? <span className="text-muted">{t("noProgram")}</span>}</td>
                  <td className="hidden px-4 py-3 whitespace-nowrap sm:table-cell">{versionText(instrument.latestVersion)}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{instrument.isOpen ? <Badge tone="success">{t("open")}</Badge> : <Badge>{t("closed")}</Badge>}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    <Link href={`/o/${organization.slug}/workspace/instruments/${instrument.id}/responses`} className="text-primary underline" aria-label={tr("viewResponsesOf", { name: instrument.name })}>
                      {format.number(instrument.completed)}
                    </Link>
                  </td>
                  <td className="hidden px-4 py-3 whitespace-nowrap md:table-cell">{format.dateTime(instrument.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
