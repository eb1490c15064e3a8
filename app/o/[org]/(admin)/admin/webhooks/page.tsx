import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { EndpointForm } from "./endpoint-form";
import { EndpointStatus } from "./status-badge";

export const dynamic = "force-dynamic";

export default async function WebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "webhooks.manage", "/admin/webhooks");
  const [t, endpoints] = await Promise.all([getTranslations("webhooks"), listWebhookEndpoints(await getDb(), actor, { id: organization.id })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <section aria-labelledby="webhooks-endpoints">
          <h2 id="webhooks-endpoints" className="mb-3 text-lg font-semibold">{t("endpointsTitle")}</h2>
          {endpoints.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
          ) : (
            <DataTable caption={t("endpointsTitle")} columns={[{ label: t("url") }, { label: t("events") }, { label: t("status") }, { label: t("failures") }]}>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id} data-testid="webhook-endpoint">
                  <td className="max-w-xs px-4 py-3 break-all">
                    <Link href={`/o/${organization.slug}/admin/webhooks/${endpoint.id}`} className="font-medium underline-offset-2 hover:underline" data-user-content>
                      {endpoint.url}
                    </Link>
                    {endpoint.description && <span className="block text-muted" data-user-content>{endpoint.description}</span>}
                  </td>
                  <td className="px-4 py-3">
                    <ul className="flex flex-wrap gap-1">
                      {endpoint.events.map((event) => (
                        <li key={event}><code className="rounded bg-accent px-1.5 py-0.5 text-xs">{event}</code></li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-4 py-3"><EndpointStatus isEnabled={endpoint.isEnabled} disabledReason={endpoint.disabledReason} /></td>
                  <td className="px-4 py-3">{endpoint.consecutiveFailures}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
        <Card aria-labelledby="webhooks-add">
          <h2 id="webhooks-add" className="mb-4 text-lg font-semibold">{t("addTitle")}</h2>
          <EndpointForm org={organization.slug} />
        </Card>
      </div>
    </>
  );
}
