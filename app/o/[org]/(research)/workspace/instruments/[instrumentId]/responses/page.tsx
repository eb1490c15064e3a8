import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { AnonymousAnswersNotice, isAnonymousAnswersError } from "@/components/frontline/anonymous-answers-notice";
import { isAppError } from "@/lib/errors";
import { listResponses, responseFiltersSchema, type ResponseFilters } from "@/lib/responses/list-responses";
import { EXPORT_FORMATS } from "@/lib/responses/export-responses";
import { ExportRefusedNotice } from "@/components/consent/export-refused-notice";
import { isIndividualExportRefused } from "@/lib/consent/require-individual-export";
import { segmentLabeler } from "@/components/kpis/format-kpi";
import { PROFILE_ATTRIBUTES, PROFILE_CHOICES } from "@/lib/councils/profile-choices";

const INPUT = "min-h-11 rounded-md border border-border bg-surface px-3";

export default async function ResponsesPage({ params, searchParams }: { params: Promise<{ org: string; instrumentId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org, instrumentId }, filters] = await Promise.all([params, searchParams.then((raw) => responseFiltersSchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "responses.view", `/workspace/instruments/${instrumentId}/responses`);
  const [t, tKpis, tCouncils, format] = await Promise.all([getTranslations("responses"), getTranslations("kpis"), getTranslations("councils"), getFormatter()]);
  // The segments respondents describe themselves by when they join (lib/councils/profile-choices.ts), named in the reader's language.
  const segments = segmentLabeler(tKpis, tCouncils);
  const segmentOptions = PROFILE_ATTRIBUTES.map((attribute) => ({ label: segments.attribute(attribute), options: PROFILE_CHOICES[attribute].map((value) => ({ value: `${attribute}:${value}`, label: segments.value(attribute, value) })) }));
  const page = await listResponses(await getDb(), actor, { id: organization.id }, instrumentId, filters).catch((error: unknown) => {
    if (isAnonymousAnswersError(error)) return null;
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!page) return <AnonymousAnswersNotice orgSlug={org} />;
  const isExportRefused = await isIndividualExportRefused(await getDb(), page.instrument.programId);
  const base = `/o/${org}/workspace/instruments/${instrumentId}`;
  const isFiltered = Boolean(filters.status || filters.from || filters.to || filters.segment || filters.q);
  // Links keep the filters but start from the newest page unless they set a cursor themselves.
  const query = (extra: Partial<ResponseFilters> & { format?: string }) => {
    const search = new URLSearchParams(Object.entries({ ...filters, after: undefined, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return search ? `?${search}` : "?";
  };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-primary underline">{t("backToInstrument")}</Link>
      </p>
      <PageHeader title={t("title")} description={t("description", { instrument: page.instrument.name })} />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block text-sm font-medium">{t("statusLabel")}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={INPUT}>
            <option value="">{t("statusAll")}</option>
            <option value="completed">{t("status_completed")}</option>
            <option value="in_progress">{t("status_in_progress")}</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-from" className="block text-sm font-medium">{t("fromLabel")}</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from} className={INPUT} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-to" className="block text-sm font-medium">{t("toLabel")}</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to} className={INPUT} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-segment" className="block text-sm font-medium">{t("segmentLabel")}</label>
          <select id="filter-segment" name="segment" defaultValue={filters.segment ?? ""} className={INPUT}>
            <option value="">{t("segmentAll")}</option>
            {/* A segment set elsewhere (a link, the API) that the profile choices do not list stays selectable. */}
            {filters.segment && !segmentOptions.some((group) => group.options.some((option) => option.value === filters.segment)) && <option value={filters.segment}>{filters.segment}</option>}
            {segmentOptions.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>{option.label}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium">{t("searchLabel")}</label>
          <input id="filter-q" name="q" type="search" maxLength={100} defaultValue={filters.q} className={INPUT} />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>{t("apply")}</button>
        <Link href={base + "/responses"} className="min-h-11 px-2 py-3 text-sm text-muted underline">{t("reset")}</Link>
      </form>

      <Card className="mb-4 flex flex-wrap items-center gap-3 py-3">
        <h2 className="text-sm font-semibold">{t("exportTitle")}</h2>
        {isExportRefused ? (
          <ExportRefusedNotice />
        ) : (
          <>
            {EXPORT_FORMATS.map((exportFormat) => (
              <a key={exportFormat} href={`/api/o/${org}/instruments/${instrumentId}/responses/export${query({ format: exportFormat })}`} className={buttonClasses("secondary", "min-h-9 py-1")} download>
                {t(exportFormat === "csv" ? "exportCsv" : exportFormat === "xlsx" ? "exportXlsx" : "exportJson")}
              </a>
            ))}
            <p className="w-full text-xs text-muted">{t("exportHint")}</p>
          </>
        )}
      </Card>

      {page.responses.length === 0 ? (
        isFiltered ? (
          <EmptyState title={t("noMatches")} action={<ButtonLink variant="secondary" href={`${base}/responses`}>{t("reset")}</ButtonLink>}>
            {t("noMatchesHint")}
          </EmptyState>
        ) : (
          <EmptyState title={t("empty")} />
        )
      ) : (
        <DataTable
          caption={t("title")}
          columns={[{ label: t("updated") }, { label: t("statusLabel") }, { label: t("version") }, { label: t("language") }, { label: t("segments") }]}
        >
              {page.responses.map((response) => {
                const date = format.dateTime(response.updatedAt, { dateStyle: "medium", timeStyle: "short" });
                return (
                  <tr key={response.id}>
                    {/* The first cell opens the response: on a phone it is the one in view, the table scrolling sideways. */}
                    <td className="px-2 py-1 whitespace-nowrap">
                      <Link href={`${base}/responses/${response.id}`} className="inline-flex min-h-11 items-center px-2 text-primary underline" aria-label={t("openResponse", { date })}>{date}</Link>
                    </td>
                    <td className="px-4 py-3">
                      <Badge tone={response.status === "completed" ? "success" : "warning"}>{t(`status_${response.status}`)}</Badge>
                    </td>
                    <td className="px-4 py-3">{response.version}</td>
                    <td className="px-4 py-3 uppercase">{response.locale}</td>
                    <td className="px-4 py-3 text-muted">{Object.entries(response.attributes).map(([key, value]) => `${segments.attribute(key)}: ${segments.value(key, String(value))}`).join(" · ")}</td>
                  </tr>
                );
              })}
        </DataTable>
      )}
      <nav aria-label={t("title")} className="mt-4 flex justify-between gap-3">
        {filters.after ? <ButtonLink variant="secondary" href={query({})}>{t("firstPage")}</ButtonLink> : <span />}
        {page.nextCursor && <ButtonLink variant="secondary" href={query({ after: page.nextCursor })}>{t("nextPage")}</ButtonLink>}
      </nav>
    </>
  );
}
