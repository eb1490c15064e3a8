import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { AUDIT_ACTIONS, auditActionLabelKey } from "@/lib/audit/actions";
import { isOperatorEntry } from "@/lib/audit/operator";
import { auditQuerySchema, listAuditEntries, type AuditQuery } from "@/lib/audit/list-audit-entries";
import { PersonFilterForm } from "./person-filter-form";

const FIELD = "min-h-11 rounded-md border border-border bg-surface px-3";

/** The filters as query parameters, without the ones left empty. */
function queryString(query: Omit<AuditQuery, "before"> & { before?: number }) {
  return new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined && value !== "").map(([key, value]) => [key, String(value)])).toString();
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, query] = await Promise.all([params, searchParams.then((raw) => auditQuerySchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "audit.view", "/admin/audit");
  const [t, format, { entries, nextBefore, actorFilterEmail }] = await Promise.all([getTranslations("audit"), getFormatter(), listAuditEntries(await getDb(), actor, { id: organization.id }, query)]);
  const label = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`actions.${auditActionLabelKey(action)}`) : action);
  const filters = { action: query.action, actor: query.actor, target: query.target, from: query.from, to: query.to };
  const isFiltered = Object.values(filters).some((value) => value !== undefined);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="mb-4 space-y-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filtersLabel")}>
          {query.actor && <input type="hidden" name="actor" value={query.actor} />}
          <div className="space-y-1">
            <label htmlFor="audit-action" className="block text-sm font-medium">{t("actionLabel")}</label>
            <select id="audit-action" name="action" defaultValue={query.action ?? ""} className={FIELD}>
              <option value="">{t("allActions")}</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>{label(action)}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-from" className="block text-sm font-medium">{t("fromLabel")}</label>
            <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} className={FIELD} />
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-to" className="block text-sm font-medium">{t("toLabel")}</label>
            <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} className={FIELD} />
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-target" className="block text-sm font-medium">{t("targetLabel")}</label>
            <input id="audit-target" name="target" type="search" defaultValue={query.target ?? ""} className={FIELD} />
          </div>
          <button type="submit" className={buttonClasses("secondary")}>{t("apply")}</button>
        </form>
        <PersonFilterForm orgId={organization.id} orgSlug={organization.slug} kept={Object.fromEntries(Object.entries({ action: query.action, target: query.target, from: query.from, to: query.to }).filter((entry): entry is [string, string] => typeof entry[1] === "string"))} />
        {(query.actor || isFiltered) && (
          <p className="flex flex-wrap items-center gap-3 text-sm" role="status">
            {query.actor && <span>{t("showingPerson", { person: actorFilterEmail ?? t("unknownActor") })}</span>}
            <ButtonLink variant="secondary" href="?">{t("clearFilters")}</ButtonLink>
          </p>
        )}
      </Card>
      {entries.length === 0 ? (
        <EmptyState title={isFiltered ? t("emptyFiltered") : t("empty")} />
      ) : (
        <DataTable caption={t("title")} columns={[{ label: t("when") }, { label: t("who") }, { label: t("what") }, { label: t("target") }, { label: t("details") }]}>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
              <td className="px-4 py-3">{entry.actorEmail ?? (entry.actorUserId ? t("unknownActor") : isOperatorEntry(entry.details) ? t("commandLine") : t("noActor"))}</td>
              <td className="px-4 py-3">{label(entry.action)}</td>
              <td className="px-4 py-3 text-muted">{entry.targetId ? <a className="underline-offset-2 hover:underline" href={`?${queryString({ target: entry.targetId })}`}>{entry.targetType ? `${entry.targetType} ${entry.targetId}` : entry.targetId}</a> : null}</td>
              <td className="px-4 py-3 text-muted">{Object.entries(entry.details).map(([key, value]) => `${key}: ${value}`).join(" · ")}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label={t("pagesLabel")} className="mt-4 flex justify-between gap-3">
        {query.before ? <ButtonLink variant="secondary" href={`?${queryString(filters)}`}>{t("newest")}</ButtonLink> : <span />}
        {nextBefore && <ButtonLink variant="secondary" href={`?${queryString({ ...filters, before: nextBefore })}`}>{t("older")}</ButtonLink>}
      </nav>
    </>
  );
}
