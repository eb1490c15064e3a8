import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listPanelAttributes } from "@/lib/panels/panel-attributes";
import { AttributeForm, DeleteAttributeButton } from "./attribute-form";

export default async function PanelAttributesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "panels.manage", "/workspace/panels/attributes");
  const [t, attributes] = await Promise.all([getTranslations("panels"), listPanelAttributes(await getDb(), actor, organization.id)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${organization.slug}/workspace/panels`} className="text-primary underline-offset-2 hover:underline">{t("backToList")}</Link>
      </p>
      <PageHeader title={t("attributesTitle")} description={t("attributesDescription")} />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("attributeNewTitle")}</h2>
          <AttributeForm orgId={organization.id} />
        </Card>
        {attributes.length === 0 ? (
          <EmptyState title={t("attributesEmptyTitle")}>{t("attributesEmptyBody")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {attributes.map((attribute) => (
              <li key={attribute.id}>
                <Card data-testid="panel-attribute" className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h3 className="font-semibold">{attribute.label}</h3>
                    <p className="text-xs text-muted">{t("attributeKeyShown", { key: attribute.key })}</p>
                    <p className="mt-1 text-sm">{attribute.values.join(" · ")}</p>
                  </div>
                  <DeleteAttributeButton orgId={organization.id} attributeId={attribute.id} label={attribute.label} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
