import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listInterviewNotes, listInterviewPrograms } from "@/lib/interviews/manage-interview-notes";
import { AddInterviewForm } from "./interview-forms";

export default async function InterviewsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "insights.code", "/workspace/coding/interviews");
  const db = await getDb();
  const [t, format, notes, programs] = await Promise.all([getTranslations("interviews"), getFormatter(), listInterviewNotes(db, actor, organization.id), listInterviewPrograms(db, organization.id)]);
  const base = `/o/${organization.slug}/workspace/coding`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-primary underline-offset-2 hover:underline">{t("backToCoding")}</Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("newTitle")}</h2>
          <AddInterviewForm orgId={organization.id} programs={programs} today={new Date().toISOString().slice(0, 10)} />
        </Card>
        <section aria-labelledby="interviews-list-title">
          <h2 id="interviews-list-title" className="mb-3 text-lg font-semibold">{t("listTitle", { count: notes.length })}</h2>
          {notes.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
          ) : (
            <DataTable caption={t("listCaption")} columns={[{ label: t("colTitle") }, { label: t("colParticipant") }, { label: t("colDate") }, { label: t("colProgram") }, { label: t("colLength") }]}>
              {notes.map((note) => (
                <tr key={note.id} data-testid="interview-row">
                  <td className="px-4 py-3">
                    <Link href={`${base}/interviews/${note.id}`} className="text-primary underline-offset-2 hover:underline">{note.title}</Link>
                  </td>
                  <td className="px-4 py-3">{note.participantLabel}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(new Date(`${note.interviewedOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</td>
                  <td className="px-4 py-3">{note.programName ?? t("noProgram")}</td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">{t("length", { count: note.length, format: t(`format_${note.sourceFormat as "pasted"}`) })}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>
    </>
  );
}
