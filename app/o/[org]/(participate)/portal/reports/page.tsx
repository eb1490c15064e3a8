import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listMyFieldReports } from "@/lib/field-reports/list-my-field-reports";
import { FieldReportForm } from "./field-report-form";

export default async function MyFieldReportsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ sent?: string }> }) {
  const [{ org }, { sent }] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "frontline.submit", "/portal/reports");
  const [t, format, reports] = await Promise.all([getTranslations("fieldReports"), getFormatter(), listMyFieldReports(await getDb(), actor, { id: organization.id })]);
  return (
    <>
      <Link href={`/o/${organization.slug}/portal`} className="mb-4 inline-block text-sm text-primary underline-offset-2 hover:underline">
        ← {t("back")}
      </Link>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">{t("formTitle")}</h1>
        <p className="mt-1 text-muted">{t("formDescription")}</p>
      </header>
      <Card className="mb-8">
        {/* A fresh id each time the form is shown: sending it twice (a double tap, a retry) stores one report. */}
        <FieldReportForm orgSlug={organization.slug} submissionId={randomUUID()} sent={sent === "urgent" || sent === "normal" ? sent : undefined} />
      </Card>
      <h2 className="mb-3 text-lg font-semibold">{t("myReportsTitle")}</h2>
      {reports.length === 0 ? (
        <p className="text-sm text-muted">{t("myReportsEmpty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="my-reports">
          {reports.map((report) => (
            <li key={report.id} className="rounded-lg border border-border bg-surface p-4">
              <div className="mb-1 flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={report.kind === "praise" ? "success" : "warning"}>{t(`kinds.${report.kind}`)}</Badge>
                <Badge tone={report.urgency === "urgent" ? "danger" : "neutral"}>{t(`urgencies.${report.urgency}`)}</Badge>
                <time dateTime={report.createdAt.toISOString()} className="ml-auto text-muted">{format.dateTime(report.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </div>
              <p className="break-words whitespace-pre-wrap">{report.body}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
