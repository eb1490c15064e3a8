import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listOrganizationJobs, type JobRow } from "@/lib/jobs/list-organization-jobs";
import { RetryJobButton } from "./retry-job-button";

export const dynamic = "force-dynamic";

export default async function JobsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "org.manage", "/admin/jobs");
  const [t, format, { next, last, failed }] = await Promise.all([getTranslations("jobs"), getFormatter(), listOrganizationJobs(await getDb(), actor, organization.id)]);
  const when = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) : "—");
  const kind = (job: JobRow) => (t.has(`kind.${job.kind}`) ? t(`kind.${job.kind}`) : job.kind);
  const empty = (text: string) => <p className="px-4 py-6 text-center text-sm text-muted">{text}</p>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <section aria-labelledby="jobs-failed">
          <h2 id="jobs-failed" className="mb-3 text-lg font-semibold">{t("failedTitle")}</h2>
          <DataTable caption={t("failedTitle")} columns={[{ label: t("kindLabel") }, { label: t("lastRun") }, { label: t("attempts") }, { label: t("error") }, { label: t("actions") }]} footer={failed.length === 0 && empty(t("failedEmpty"))}>
            {failed.map((job) => (
              <tr key={job.id} data-testid="job-failed">
                <td className="px-4 py-3 whitespace-nowrap">{kind(job)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(job.lastRunAt)}</td>
                <td className="px-4 py-3">{job.attempts}/{job.maxAttempts}</td>
                <td className="max-w-xs px-4 py-3 break-words text-danger">{job.lastError}</td>
                <td className="px-4 py-3"><RetryJobButton orgId={organization.id} jobId={job.id} kind={kind(job)} /></td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="jobs-next">
          <h2 id="jobs-next" className="mb-3 text-lg font-semibold">{t("nextTitle")}</h2>
          <DataTable caption={t("nextTitle")} columns={[{ label: t("kindLabel") }, { label: t("runAt") }, { label: t("attempts") }]} footer={next.length === 0 && empty(t("nextEmpty"))}>
            {next.map((job) => (
              <tr key={job.id} data-testid="job-next">
                <td className="px-4 py-3 whitespace-nowrap">{kind(job)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(job.runAt)}</td>
                <td className="px-4 py-3">{job.attempts}/{job.maxAttempts}{job.lastError && <span className="block text-xs text-danger">{job.lastError}</span>}</td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="jobs-last">
          <h2 id="jobs-last" className="mb-3 text-lg font-semibold">{t("lastTitle")}</h2>
          <DataTable caption={t("lastTitle")} columns={[{ label: t("kindLabel") }, { label: t("runAt") }, { label: t("finishedAt") }, { label: t("attempts") }]} footer={last.length === 0 && empty(t("lastEmpty"))}>
            {last.map((job) => (
              <tr key={job.id} data-testid="job-done">
                <td className="px-4 py-3 whitespace-nowrap">{kind(job)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(job.runAt)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(job.finishedAt)}</td>
                <td className="px-4 py-3">{job.attempts}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </>
  );
}
