import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { listWebhookDeliveries, type WebhookDeliveryRow } from "@/lib/webhooks/list-webhook-deliveries";
import { EndpointForm } from "../endpoint-form";
import { DeleteEndpointButton, RotateSecretButton, ToggleEndpointButton } from "../endpoint-controls";
import { RedeliverButton } from "../redeliver-button";
import { EndpointStatus } from "../status-badge";

export const dynamic = "force-dynamic";

const STATE_TONE = { pending: "text-warning", succeeded: "text-success", failed: "text-danger" } as const;

export default async function WebhookEndpointPage({ params, searchParams }: { params: Promise<{ org: string; endpointId: string }>; searchParams: Promise<{ after?: string }> }) {
  const [{ org, endpointId }, { after }] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "webhooks.manage", `/admin/webhooks/${endpointId}`);
  const db = await getDb();
  const loaded = await Promise.all([getWebhookEndpoint(db, actor, { id: organization.id }, { endpointId }), listWebhookDeliveries(db, actor, { id: organization.id }, { endpointId, after })]).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [endpoint, { deliveries, nextAfter }] = loaded;
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  const when = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) : "—");
  const lastAnswer = (delivery: WebhookDeliveryRow) => {
    if (delivery.lastResponseStatus !== null) return t("httpStatus", { status: delivery.lastResponseStatus });
    if (delivery.lastError) return t.has(`attemptError.${delivery.lastError}`) ? t(`attemptError.${delivery.lastError}`) : delivery.lastError;
    return "—";
  };
  const base = `/o/${organization.slug}/admin/webhooks`;
  return (
    <>
      <p className="mb-4">
        <Link href={base} className="text-sm underline-offset-2 hover:underline">← {t("backToList")}</Link>
      </p>
      <header className="mb-6 space-y-2">
        {/* A URL is one long word: it breaks anywhere rather than widen a phone's page. */}
        <h1 className="text-2xl font-semibold tracking-tight break-all" data-user-content>{endpoint.url}</h1>
        {endpoint.description && <p className="max-w-prose text-muted" data-user-content>{endpoint.description}</p>}
        <EndpointStatus isEnabled={endpoint.isEnabled} disabledReason={endpoint.disabledReason} />
      </header>
      <div className="space-y-6">
        <Card aria-labelledby="webhook-secret-title">
          <h2 id="webhook-secret-title" className="text-lg font-semibold">{t("secretTitle")}</h2>
          <p className="mt-1 max-w-prose text-sm text-muted">{t("secretHint")}</p>
          <code data-testid="webhook-secret" className="mt-3 block rounded-md bg-accent px-3 py-2 font-mono text-sm break-all select-all">{endpoint.secret}</code>
          <div className="mt-3"><RotateSecretButton org={organization.slug} endpointId={endpoint.id} /></div>
        </Card>

        <Card aria-labelledby="webhook-state-title">
          <h2 id="webhook-state-title" className="text-lg font-semibold">{t("stateTitle")}</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">{t("status")}</dt>
            <dd><EndpointStatus isEnabled={endpoint.isEnabled} disabledReason={endpoint.disabledReason} /></dd>
            <dt className="text-muted">{t("failures")}</dt>
            <dd data-testid="webhook-failures">{endpoint.consecutiveFailures}</dd>
          </dl>
          {endpoint.createdByName || endpoint.createdByEmail ? <p className="mt-2 text-sm text-muted">{t("createdBy", { name: endpoint.createdByName ?? endpoint.createdByEmail ?? "", date: when(endpoint.createdAt) })}</p> : null}
          <p className="mt-3 text-sm text-muted">{endpoint.isEnabled ? t("disableHint") : t("enableHint")}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <ToggleEndpointButton org={organization.slug} endpointId={endpoint.id} isEnabled={endpoint.isEnabled} />
            <DeleteEndpointButton org={organization.slug} endpointId={endpoint.id} />
          </div>
        </Card>

        <Card aria-labelledby="webhook-edit-title">
          <h2 id="webhook-edit-title" className="mb-4 text-lg font-semibold">{t("editTitle")}</h2>
          <EndpointForm org={organization.slug} endpoint={{ id: endpoint.id, url: endpoint.url, description: endpoint.description, events: endpoint.events }} />
        </Card>

        <section aria-labelledby="webhook-deliveries-title">
          <h2 id="webhook-deliveries-title" className="mb-3 text-lg font-semibold">{t("deliveriesTitle")}</h2>
          <DataTable
            caption={t("deliveriesTitle")}
            columns={[{ label: t("deliveryEvent") }, { label: t("deliveryStatus") }, { label: t("deliveryAttempts") }, { label: t("deliveryLast") }, { label: t("deliveryCreated") }, { label: t("deliveryLastAttempt") }, { label: t("deliveryActions") }]}
            footer={deliveries.length === 0 && <p className="px-4 py-6 text-center text-sm text-muted">{t("deliveriesEmpty")}</p>}>
            {deliveries.map((delivery) => (
              <tr key={delivery.id} data-testid="webhook-delivery" data-delivery-id={delivery.id} data-status={delivery.status}>
                <td className="px-4 py-3"><code className="text-xs">{delivery.eventType}</code></td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <span className={STATE_TONE[delivery.status]}>{t(`deliveryState.${delivery.status}`)}</span>
                  {delivery.status === "pending" && delivery.nextAttemptAt && delivery.attempts > 0 && <span className="block text-xs text-muted">{t("nextAttempt", { when: when(delivery.nextAttemptAt) })}</span>}
                </td>
                <td className="px-4 py-3" data-testid="delivery-attempts">{delivery.attempts}</td>
                <td className="px-4 py-3">{lastAnswer(delivery)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(delivery.createdAt)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(delivery.lastAttemptAt)}</td>
                <td className="px-4 py-3"><RedeliverButton org={organization.slug} deliveryId={delivery.id} label={t("sendAgainFor", { event: delivery.eventType, when: when(delivery.createdAt) })} /></td>
              </tr>
            ))}
          </DataTable>
          <nav aria-label={t("pagesLabel")} className="mt-4 flex justify-between gap-3">
            {after ? <ButtonLink variant="secondary" href={`${base}/${endpoint.id}`}>{t("newest")}</ButtonLink> : <span />}
            {nextAfter && <ButtonLink variant="secondary" href={`${base}/${endpoint.id}?after=${nextAfter}`}>{t("older")}</ButtonLink>}
          </nav>
        </section>
      </div>
    </>
  );
}
