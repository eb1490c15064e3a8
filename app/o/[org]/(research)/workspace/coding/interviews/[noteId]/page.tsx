import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { getInterviewNote } from "@/lib/interviews/manage-interview-notes";
import { DeleteInterviewButton } from "../interview-forms";

export default async function InterviewNotePage({ params }: { params: Promise<{ org: string; noteId: string }> }) {
  const { org, noteId } = await params;
  const { organization, actor } = await loadOrgPage(org, "insights.code", `/workspace/coding/interviews/${noteId}`);
  const [t, format] = await Promise.all([getTranslations("interviews"), getFormatter()]);
  const note = await getInterviewNote(await getDb(), actor, organization.id, noteId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const attributes = Object.entries(note.attributes).filter(([, value]) => typeof value === "string" && value !== "");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${organization.slug}/workspace/coding/interviews`} className="text-primary underline-offset-2 hover:underline">{t("backToList")}</Link>
      </p>
      <PageHeader title={note.title} actions={<DeleteInterviewButton orgId={organization.id} orgSlug={organization.slug} note={note} />} />
      <dl className="mb-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">{t("colParticipant")}</dt>
        <dd>{note.participantLabel}{note.isLinked && <span className="text-muted"> · {t("linkedToMember")}</span>}</dd>
        <dt className="text-muted">{t("colDate")}</dt>
        <dd>{format.dateTime(new Date(`${note.interviewedOn}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}</dd>
        <dt className="text-muted">{t("colProgram")}</dt>
        <dd>{note.programName ?? t("noProgram")}</dd>
        <dt className="text-muted">{t("attributesLabel")}</dt>
        <dd>{attributes.length ? attributes.map(([key, value]) => `${key}: ${value}`).join(" · ") : t("noAttributes")}</dd>
        <dt className="text-muted">{t("colLength")}</dt>
        <dd>{t("length", { count: note.length, format: t(`format_${note.sourceFormat as "pasted"}`) })}</dd>
      </dl>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("textTitle")}</h2>
        <div className="whitespace-pre-wrap break-words text-base leading-relaxed" data-testid="interview-text">{note.body}</div>
      </Card>
    </>
  );
}
