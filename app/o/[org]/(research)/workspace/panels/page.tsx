import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listPanels } from "@/lib/panels/get-panel";

export default async function PanelsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "panels.manage", "/workspace/panels");
  const [t, format, panels] = await Promise.all([getTranslations("panels"), getFormatter(), listPanels(await getDb(), actor, organization.id)]);
  const base = `/o/${organization.slug}/workspace/panels`;
  const newLink = <ButtonLink href={`${base}/new`}>{t("new")}</ButtonLink>;
  const actions = (
    <div className="flex flex-wrap gap-2">
      <ButtonLink variant="secondary" href={`${base}/polls`}>{t("pollsLink")}</ButtonLink>
      <ButtonLink variant="secondary" href={`${base}/attributes`}>{t("attributesLink")}</ButtonLink>
      {panels.length > 0 && newLink}
    </div>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={actions} />
      {panels.length === 0 ? (
        <EmptyState title={t("emptyTitle")} action={newLink}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {panels.map((panel) => (
            <li key={panel.id}>
              <Card className="h-full" data-testid="panel-card">
                <h2 className="text-lg font-semibold">
                  <Link href={`${base}/${panel.id}`} className="text-primary underline-offset-2 hover:underline">
                    {panel.name}
                  </Link>
                </h2>
                <p className="mt-1 line-clamp-3 text-sm text-muted">{panel.purpose}</p>
                <p className="mt-3 text-sm">
                  <span className="text-muted">{t("membersLabel")}: </span>
                  {panel.targetSize ? t("membersOfTarget", { count: panel.activeMembers, target: panel.targetSize }) : format.number(panel.activeMembers)}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
