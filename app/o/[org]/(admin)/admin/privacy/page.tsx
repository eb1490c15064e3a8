import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getPrivacyOverview } from "@/lib/privacy/get-privacy-overview";
import { ErasePersonForm } from "./erase-person-form";
import { PolicyForm } from "./policy-form";
import { RetentionForm } from "./retention-form";

export default async function PrivacySettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "org.manage", "/admin/privacy");
  const overview = await getPrivacyOverview(await getDb(), actor, organization.id);
  const t = await getTranslations("privacy");
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <Card aria-labelledby="policy-heading">
          <h2 id="policy-heading" className="text-lg font-semibold">{t("policyHeading")}</h2>
          <p className="mt-1 mb-4 text-sm text-muted">{t("policyIntro")}</p>
          <PolicyForm orgId={organization.id} current={overview.policy} />
        </Card>

        <Card aria-labelledby="retention-heading">
          <h2 id="retention-heading" className="text-lg font-semibold">{t("retentionHeading")}</h2>
          <p className="mt-1 mb-4 text-sm text-muted">{t("retentionIntro")}</p>
          {overview.programs.length === 0 ? (
            <EmptyState title={t("noProgramsTitle")}>{t("noProgramsBody")}</EmptyState>
          ) : (
            <ul className="grid gap-6">
              {overview.programs.map((program) => (
                <li key={program.id} className="grid gap-3 border-t border-border pt-4 first:border-t-0 first:pt-0" data-testid="retention-program">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-semibold">{program.name}</h3>
                    <Badge>{t(`programKinds.${program.kind}`)}</Badge>
                  </div>
                  <RetentionForm orgId={organization.id} programId={program.id} programName={program.name} current={program.retentionMonths} />
                  <div className="text-sm" data-testid="retention-preview" aria-live="polite">
                    {program.preview ? (
                      <>
                        <p>{t("previewDue", { date: date(overview.nextRun), responses: program.preview.due.responses, liveAnswers: program.preview.due.liveAnswers, posts: program.preview.due.posts, reports: program.preview.due.reports, interviews: program.preview.due.interviews })}</p>
                        <p className="text-muted">{program.preview.oldestPurgedOn ? t("previewOldest", { date: date(program.preview.oldestPurgedOn) }) : t("previewNothing")}</p>
                      </>
                    ) : (
                      <p className="text-muted">{t("noRetention")}</p>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card aria-labelledby="erase-heading">
          <h2 id="erase-heading" className="text-lg font-semibold">{t("eraseHeading")}</h2>
          <p className="mt-1 mb-4 text-sm text-muted">{t("eraseIntro")}</p>
          <ErasePersonForm orgId={organization.id} />
        </Card>
      </div>
    </>
  );
}
