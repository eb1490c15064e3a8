import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listCouncils } from "@/lib/councils/get-council";

export default async function CouncilsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "councils.manage", "/workspace/councils");
  const [t, format, councils] = await Promise.all([getTranslations("councils"), getFormatter(), listCouncils(await getDb(), actor, organization.id)]);
  const newLink = <ButtonLink href={`/o/${organization.slug}/workspace/councils/new`}>{t("new")}</ButtonLink>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={councils.length > 0 && newLink} />
      {councils.length === 0 ? (
        <EmptyState title={t("emptyTitle")} action={newLink}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {councils.map((council) => (
            <li key={council.id}>
              <Card className="h-full" data-testid="council-card">
                <h2 className="text-lg font-semibold">
                  <Link href={`/o/${organization.slug}/workspace/councils/${council.id}`} className="text-primary underline-offset-2 hover:underline">
                    {council.name}
                  </Link>
                </h2>
                <p className="mt-1 line-clamp-3 text-sm text-muted">{council.purpose}</p>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-muted">{t("membersLabel")}</dt>
                  <dd>{council.targetSize ? t("membersOfTarget", { count: council.activeMembers, target: council.targetSize }) : format.number(council.activeMembers)}</dd>
                  <dt className="text-muted">{t("cadenceLabel")}</dt>
                  <dd>{t(`cadence.${council.cadence}`)}</dd>
                  <dt className="text-muted">{t("nextSessionLabel")}</dt>
                  <dd>{council.nextSessionAt ? format.dateTime(council.nextSessionAt, { dateStyle: "medium" }) : t("noSessionScheduled")}</dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
