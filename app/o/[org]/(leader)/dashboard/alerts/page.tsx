import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { alertTexter } from "@/components/alerts/alert-text";
import { kpiNamer } from "@/components/kpis/format-kpi";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { ALERT_KINDS, ALERT_STATUSES } from "@/lib/alerts/schemas";
import { listAlertRules, listAlerts } from "@/lib/alerts/list-alerts";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { systemClock } from "@/lib/clock";
import { listKpiDefinitions } from "@/lib/kpis/read-kpi-rollups";
import { listKpiOwnerCandidates } from "@/lib/kpis/update-kpi-settings";
import { NewAlertRuleForm, UpdateAlertForm } from "./alert-forms";

export default async function AlertsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor, role } = await loadOrgPage(org, "dashboard.view", "/dashboard/alerts");
  const db = await getDb();
  const canManage = can(role, "kpis.manage");
  const [t, tk, tc, format, alerts, rules, definitions, owners] = await Promise.all([
    getTranslations("alerts"),
    getTranslations("kpis"),
    getTranslations("councils"),
    getFormatter(),
    listAlerts(db, actor, { id: organization.id }),
    listAlertRules(db, actor, { id: organization.id }),
    listKpiDefinitions(db, organization.id),
    canManage ? listKpiOwnerCandidates(db, actor, organization.id) : [],
  ]);
  const text = alertTexter(t, tk, tc, format);
  const kpiName = kpiNamer(tk);
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const today = systemClock.now().toISOString().slice(0, 10);
  const isOpen = (status: string) => status === "open" || status === "in_progress";
  const open = alerts.filter((alert) => isOpen(alert.status));
  const closed = alerts.filter((alert) => !isOpen(alert.status));
  const statuses = ALERT_STATUSES.map((status) => ({ value: status, label: t(`status_${status}`) }));
  const alertItem = (alert: (typeof alerts)[number]) => (
    <li key={alert.id} className="space-y-3 rounded-md border border-border p-4" data-testid="alert">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={alert.status === "open" ? "danger" : alert.status === "in_progress" ? "warning" : "success"}>{t(`status_${alert.status}`)}</Badge>
        {isOpen(alert.status) && alert.dueOn < today && <Badge tone="danger">{t("overdue")}</Badge>}
        <span className="text-sm text-muted">{t("raised", { date: format.dateTime(alert.raisedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })} · {t("owner", { name: alert.ownerName ?? "—" })} · {t("due", { date: day(alert.dueOn) })}</span>
      </div>
      <p className="font-medium">{text(alert.facts)}</p>
      {alert.history.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">{t("historyTitle")}</h3>
          <ol className="mt-1 space-y-1 text-sm" data-testid="alert-history">
            {alert.history.map((update) => (
              <li key={update.id}>
                {t("historyEntry", { status: t(`status_${update.status}`), name: update.byName || "—", date: format.dateTime(update.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}
                {update.note && <span className="block text-muted" data-user-content>{update.note}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {canManage && <UpdateAlertForm key={`${alert.status}-${alert.history.length}`} orgId={organization.id} alertId={alert.id} status={alert.status} statuses={statuses} />}
    </li>
  );
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/dashboard`} className="text-primary underline">{tk("back")}</Link></p>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card aria-labelledby="alerts-open-title" className="space-y-3">
          <h2 id="alerts-open-title" className="text-lg font-semibold">{t("openTitle")}</h2>
          {open.length === 0 ? <EmptyState title={t("noAlerts")} /> : <ul className="space-y-3">{open.map(alertItem)}</ul>}
        </Card>
        <Card aria-labelledby="alerts-rules-title" className="space-y-3">
          <h2 id="alerts-rules-title" className="text-lg font-semibold">{t("rulesTitle")}</h2>
          {rules.length === 0 ? (
            <p className="text-sm text-muted">{t("noRules")}</p>
          ) : (
            <ul className="divide-y divide-border text-sm" data-testid="alert-rules">
              {rules.map((rule) => (
                <li key={rule.id} className="py-2">
                  {t("ruleLine", {
                    kind: `${t(`kind_${rule.kind}`)}${rule.kpiKey ? `: ${kpiName({ key: rule.kpiKey, name: rule.kpiName ?? "", isBuiltIn: rule.kpiIsBuiltIn ?? false })}` : rule.threshold ? ` (${rule.threshold})` : ""}`,
                    owner: rule.ownerName ?? rule.ownerEmail ?? "—",
                    days: rule.dueDays,
                  })}
                </li>
              ))}
            </ul>
          )}
          {canManage && (
            <div className="border-t border-border pt-4">
              <h3 className="mb-3 font-semibold">{t("newRuleTitle")}</h3>
              <NewAlertRuleForm
                orgId={organization.id}
                kinds={ALERT_KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
                kpis={definitions.map((definition) => ({ value: definition.key, label: kpiName(definition) }))}
                owners={owners.map((owner) => ({ value: owner.userId, label: owner.name ?? owner.email ?? owner.userId }))}
              />
            </div>
          )}
        </Card>
        <Card aria-labelledby="alerts-closed-title" className="space-y-3">
          <h2 id="alerts-closed-title" className="text-lg font-semibold">{t("closedTitle")}</h2>
          {closed.length === 0 ? <p className="text-sm text-muted">{t("noClosed")}</p> : <ul className="space-y-3">{closed.map(alertItem)}</ul>}
        </Card>
      </div>
    </>
  );
}
