import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { auditQuerySchema, listAuditEntries } from "@/lib/audit/list-audit-entries";

const actionKey = (action: string) => action.replace(/\./g, "_");

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, query] = await Promise.all([params, searchParams.then((raw) => auditQuerySchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "audit.view", "/admin/audit");
  const [t, format, { entries, nextBefore }] = await Promise.all([getTranslations("audit"), getFormatter(), listAuditEntries(await getDb(), actor, { id: organization.id }, query)]);
  const label = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`actions.${actionKey(action)}`) : action);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="audit-action" className="block text-sm font-medium">{t("actionLabel")}</label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""} className="min-h-11 rounded-md border border-border bg-surface px-3">
            <option value="">{t("allActions")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>{label(action)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>{t("apply")}</button>
      </form>
      {entries.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DataTable caption={t("title")} columns={[{ label: t("when") }, { label: t("who") }, { label: t("what") }, { label: t("details") }]}>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td className="px-4 py-3">{entry.actorEmail ?? t("unknownActor")}</td>
                  <td className="px-4 py-3">{label(entry.action)}</td>
                  <td className="px-4 py-3 text-muted">{Object.entries(entry.details).map(([key, value]) => `${key}: ${value}`).join(" · ")}</td>
                </tr>
              ))}
        </DataTable>
      )}
      <nav aria-label={t("title")} className="mt-4 flex justify-between gap-3">
        {query.before ? <ButtonLink variant="secondary" href={`?${new URLSearchParams(query.action ? { action: query.action } : {})}`}>{t("newest")}</ButtonLink> : <span />}
        {nextBefore && <ButtonLink variant="secondary" href={`?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), before: String(nextBefore) })}`}>{t("older")}</ButtonLink>}
      </nav>
    </>
  );
}
