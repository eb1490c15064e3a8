import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listCampaigns } from "@/lib/campaigns/get-campaign";
import { CreateCampaignForm } from "./campaign-forms";

export default async function CampaignsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "campaigns.manage", "/campaigns");
  const [t, format, campaigns] = await Promise.all([getTranslations("campaigns"), getFormatter(), listCampaigns(await getDb(), actor, { id: organization.id })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card aria-labelledby="new-campaign-title" className="space-y-3">
          <h2 id="new-campaign-title" className="text-lg font-semibold">{t("newTitle")}</h2>
          <CreateCampaignForm orgId={organization.id} orgSlug={organization.slug} />
        </Card>
        {campaigns.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <DataTable caption={t("title")} columns={[{ label: t("nameLabel") }, { label: t("statusLabel") }, { label: t("marketsLabel") }, { label: t("updatedLabel") }]}>
            {campaigns.map((campaign) => (
              <tr key={campaign.id} data-testid="campaign-row">
                <td className="px-4 py-3"><Link href={`/o/${org}/campaigns/${campaign.id}`} className="font-medium text-primary underline" data-user-content>{campaign.name}</Link></td>
                <td className="px-4 py-3"><Badge>{t(`status_${campaign.status}`)}</Badge></td>
                <td className="px-4 py-3">{campaign.markets.join(", ") || "—"}</td>
                <td className="px-4 py-3">{format.dateTime(campaign.updatedAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
