import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { answerText } from "@/components/responses/answer-text";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { AnonymousAnswersNotice, isAnonymousAnswersError } from "@/components/frontline/anonymous-answers-notice";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { isAnswerable, localize } from "@/lib/instruments/localize";
import { getResponse } from "@/lib/responses/get-response";

export default async function ResponsePage({ params }: { params: Promise<{ org: string; instrumentId: string; responseId: string }> }) {
  const { org, instrumentId, responseId } = await params;
  const { organization, actor } = await loadOrgPage(org, "responses.view", `/workspace/instruments/${instrumentId}/responses/${responseId}`);
  const [t, format, rawLocale] = await Promise.all([getTranslations("responses"), getFormatter(), getLocale()]);
  const detail = await getResponse(await getDb(), actor, { id: organization.id }, instrumentId, responseId).catch((error: unknown) => {
    if (isAnonymousAnswersError(error)) return null;
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!detail) return <AnonymousAnswersNotice orgSlug={org} />;
  const { response } = detail;
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const fallback = response.definition.defaultLocale;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${org}/workspace/instruments/${instrumentId}/responses`} className="text-primary underline">{t("back")}</Link>
      </p>
      <PageHeader title={t("detailTitle")} description={t("answeredVersion", { version: response.version })} />
      <Card className="mb-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div><dt className="text-muted">{t("statusLabel")}</dt><dd><Badge tone={response.status === "completed" ? "success" : "warning"}>{t(`status_${response.status}`)}</Badge></dd></div>
          <div><dt className="text-muted">{t("started")}</dt><dd>{format.dateTime(response.startedAt, { dateStyle: "medium", timeStyle: "short" })}</dd></div>
          <div><dt className="text-muted">{t("submitted")}</dt><dd>{response.submittedAt ? format.dateTime(response.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</dd></div>
          <div><dt className="text-muted">{t("language")}</dt><dd className="uppercase">{response.locale}</dd></div>
          <div className="sm:col-span-4"><dt className="text-muted">{t("segments")}</dt><dd>{Object.entries(response.attributes).map(([key, value]) => `${key}: ${value}`).join(" · ") || "—"}</dd></div>
        </dl>
      </Card>
      <ol className="space-y-4">
        {response.definition.questions.filter(isAnswerable).map((question) => {
          const lines = answerText(question, response.answers[question.id], locale, fallback, (text) => t("other", { text }));
          return (
            <li key={question.id}>
              <Card>
                <h2 className="font-medium">
                  {localize(question.prompt, locale, fallback)}
                  {question.code && <span className="ml-2 text-xs text-muted">{question.code}</span>}
                </h2>
                {lines.length === 0 ? <p className="mt-1 text-sm text-muted">{t("notAnswered")}</p> : (
                  <ul className="mt-1 space-y-0.5 text-sm whitespace-pre-wrap">{lines.map((line, index) => <li key={index}>{line}</li>)}</ul>
                )}
              </Card>
            </li>
          );
        })}
      </ol>
    </>
  );
}
