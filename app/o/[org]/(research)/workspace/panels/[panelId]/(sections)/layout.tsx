import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PanelSections } from "@/components/panels/panel-sections";
import { PageHeader } from "@/components/ui/card";
import { loadPanelPage } from "../load-panel";

export default async function PanelLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, panel } = await loadPanelPage(org, panelId);
  const t = await getTranslations("panels");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${organization.slug}/workspace/panels`} className="text-primary underline-offset-2 hover:underline">{t("backToList")}</Link>
      </p>
      <PageHeader title={panel.name} description={panel.purpose} />
      <PanelSections base={`/o/${organization.slug}/workspace/panels/${panel.id}`} />
      {children}
    </>
  );
}
