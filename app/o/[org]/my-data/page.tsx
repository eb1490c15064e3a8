import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MyContributionsNav } from "@/components/my-data/my-data-nav";
import { MyOtherRecords, MyResponses } from "@/components/my-data/my-contributions";
import { MyProfileSections } from "@/components/my-data/my-profile-sections";
import { LearnedFromMyGroups, YouSaidWeDid } from "@/components/my-data/you-said-we-did";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isLocale } from "@/lib/i18n/locales";
import { collectMyData } from "@/lib/participants/collect-my-data";

export default async function MyDataPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ responses?: string }> }) {
  const [{ org }, { responses: responsesCursor }] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "mydata.view", "/my-data");
  const [t, rawLocale] = await Promise.all([getTranslations("myData"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : organization.defaultLocale;
  const data = await collectMyData(await getDb(), actor, { id: organization.id }, { locale, responsesCursor: typeof responsesCursor === "string" ? responsesCursor : undefined });
  const base = `/o/${organization.slug}/my-data`;
  const api = `/api/o/${organization.slug}/my-data`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      <div className="space-y-4">
        <Card aria-labelledby="download-title">
          <h2 id="download-title" className="text-lg font-semibold">{t("downloadTitle")}</h2>
          <p className="mt-1 text-sm text-muted">{t("downloadHint")}</p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            <a href={`${api}?format=json`} download className={buttonClasses("primary")}>{t("downloadJson")}</a>
            <a href={`${api}?format=html`} download className={buttonClasses("secondary")}>{t("downloadHtml")}</a>
          </div>
        </Card>
        <MyContributionsNav data={data} />
        <YouSaidWeDid decisions={data.youSaidWeDid} />
        <LearnedFromMyGroups learned={data.learned} />
        <MyProfileSections data={data} />
        <MyResponses responses={data.responses} isFirstPage={!responsesCursor} pageHref={(cursor) => (cursor ? `${base}?responses=${encodeURIComponent(cursor)}#responses` : `${base}#responses`)} />
        <MyOtherRecords data={data} />
        <Card aria-labelledby="erase-title">
          <h2 id="erase-title" className="text-lg font-semibold">{t("eraseTitle")}</h2>
          <p className="mt-1 text-sm text-muted">{t("eraseBody")}</p>
          <Link href={`${base}/erase`} className={buttonClasses("danger", "mt-3")}>{t("eraseLink")}</Link>
        </Card>
      </div>
    </>
  );
}
