import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { loadOrgPage } from "@/lib/auth/org-page";
import { InsightTextForm } from "../insight-forms";

export default async function NewInsightPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization } = await loadOrgPage(org, "insights.code", "/insights/new");
  const t = await getTranslations("insights");
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/insights`} className="text-primary underline">{t("back")}</Link></p>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card><InsightTextForm orgId={organization.id} orgSlug={organization.slug} /></Card>
    </>
  );
}
