import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { countRecentUrgentFieldReports, listFieldReports } from "@/lib/field-reports/list-field-reports";
import { FIELD_REPORT_KINDS, listFieldReportsQuerySchema, URGENCIES } from "@/lib/field-reports/schemas";

const SELECT = "min-h-11 w-full rounded-md border border-border bg-surface px-3 sm:w-auto";

export default async function FieldReportsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, query] = await Promise.all([params, searchParams.then((raw) => listFieldReportsQuerySchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "frontline.manage", "/workspace/reports");
  const db = await getDb();
  const [t, format, { reports, nextCursor }, urgentCount] = await Promise.all([
    getTranslations("fieldReports"),
    getFormatter(),
    listFieldReports(db, actor, organization.id, query),
    countRecentUrgentFieldReports(db, actor, organization.id),
  ]);
  const isFiltered = Boolean(query.kind || query.urgency);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      {urgentCount > 0 && (
        <div className="mb-4">
          <Alert tone="warning">{t("urgentRecent", { count: urgentCount })}</Alert>
        </div>
      )}
      <form method="get" role="search" className="mb-4 grid gap-3 sm:flex sm:flex-wrap sm:items-end">
        <div className="space-y-1">
          <label htmlFor="reports-kind" className="block text-sm font-medium">{t("kindFilter")}</label>
          <select id="reports-kind" name="kind" defaultValue={query.kind ?? ""} className={SELECT}>
            <option value="">{t("allKinds")}</option>
            {FIELD_REPORT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="reports-urgency" className="block text-sm font-medium">{t("urgencyFilter")}</label>
          <select id="reports-urgency" name="urgency" defaultValue={query.urgency ?? ""} className={SELECT}>
            <option value="">{t("allUrgencies")}</option>
            {URGENCIES.map((urgency) => <option key={urgency} value={urgency}>{t(`urgencies.${urgency}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>{t("applyFilters")}</button>
      </form>
      {reports.length === 0 ? (
        <EmptyState title={isFiltered ? t("noMatches") : t("emptyTitle")}>{!isFiltered && t("emptyBody")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("listCaption")}>
          {reports.map((report) => (
            <li key={report.id} data-testid="field-report" className={cn("rounded-lg border bg-surface p-4 shadow-sm", report.urgency === "urgent" ? "border-danger border-l-4" : "border-border")}>
              <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={report.kind === "praise" ? "success" : "warning"}>{t(`kinds.${report.kind}`)}</Badge>
                <Badge tone={report.urgency === "urgent" ? "danger" : "neutral"}>{t(`urgencies.${report.urgency}`)}</Badge>
                <span className="text-muted">{[report.team, report.location].filter(Boolean).join(" · ") || t("unknownPlace")}</span>
                <time dateTime={report.createdAt.toISOString()} className="ml-auto text-muted">{format.dateTime(report.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </div>
              <p className="break-words whitespace-pre-wrap">{report.body}</p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("listCaption")} className="mt-4 flex justify-between gap-3">
        {query.after ? <ButtonLink variant="secondary" href={pageHref({ ...query, after: undefined })}>{t("newer")}</ButtonLink> : <span />}
        {nextCursor && <ButtonLink variant="secondary" href={pageHref({ ...query, after: nextCursor })}>{t("older")}</ButtonLink>}
      </nav>
    </>
  );
}

function pageHref(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = params.toString();
  return search ? `?${search}` : "?";
}
