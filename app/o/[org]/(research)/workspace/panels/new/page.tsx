import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { labelAttributes } from "@/components/panels/attribute-labels";
import { PanelForm } from "@/components/panels/panel-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { attributeDefinitions, listPanelAttributes } from "@/lib/panels/panel-attributes";
import { createPanelAction } from "../actions";

export default async function NewPanelPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "panels.manage", "/workspace/panels/new");
  const [t, custom] = await Promise.all([getTranslations("panels"), listPanelAttributes(await getDb(), actor, organization.id)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${organization.slug}/workspace/panels`} className="text-primary underline-offset-2 hover:underline">{t("backToList")}</Link>
      </p>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <PanelForm action={createPanelAction} hidden={{ orgId: organization.id, orgSlug: organization.slug }} saved={{}} attributes={await labelAttributes(attributeDefinitions(custom))} isNew />
      </Card>
    </>
  );
}
