import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { loadOrgPage } from "@/lib/auth/org-page";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export const dynamic = "force-dynamic";

export default async function ApiKeysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "apikeys.manage", "/admin/api-keys");
  const [t, format, keys] = await Promise.all([getTranslations("apiKeys"), getFormatter(), listApiKeys(await getDb(), actor, { id: organization.id })]);
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  // "responses:write" reads "Responses: Write" in the reader's language.
  const scopeLabel = (scope: string) => {
    const [family, access] = scope.split(":");
    return t.has(`families.${family}`) && t.has(`access.${access}`) ? t("accessFor", { family: t(`families.${family}`), access: t(`access.${access}`) }) : scope;
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-6 text-sm text-muted">
        {t("referenceIntro")}{" "}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler's HTML page, not an app page */}
        <a href="/api/v1/reference" className="font-medium text-primary underline">{t("referenceLink")}</a>
        {" · "}
        <a href="/api/v1/openapi.json" className="font-medium text-primary underline">{t("documentLink")}</a>
      </p>
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
        <CreateApiKeyForm orgId={organization.id} />
      </Card>
      <h2 className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
      {keys.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <DataTable caption={t("listTitle")} columns={[{ label: t("name") }, { label: t("prefix") }, { label: t("scopes") }, { label: t("created") }, { label: t("lastUsed") }, { label: t("status") }, { label: t("actions") }]}>
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              <td className="px-4 py-3 font-medium" data-user-content>{key.name}</td>
              <td className="px-4 py-3 whitespace-nowrap"><code className="rounded bg-accent px-1 py-0.5">{key.prefix}…</code></td>
              <td className="px-4 py-3">
                <ul className="min-w-36">
                  {key.scopes.map((scope) => <li key={scope}>{scopeLabel(scope)}</li>)}
                </ul>
              </td>
              <td className="px-4 py-3">{t("createdBy", { when: when(key.createdAt), who: key.createdByName ?? key.createdByEmail ?? t("commandLine") })}</td>
              <td className="px-4 py-3 whitespace-nowrap">{key.lastUsedAt ? when(key.lastUsedAt) : t("never")}</td>
              <td className="px-4 py-3 whitespace-nowrap">{key.revokedAt ? <Badge tone="danger">{t("revokedOn", { when: when(key.revokedAt) })}</Badge> : <Badge tone="success">{t("active")}</Badge>}</td>
              <td className="px-4 py-3">{!key.revokedAt && <RevokeApiKeyButton orgId={organization.id} apiKeyId={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
