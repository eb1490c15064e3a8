import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import type { MyData } from "@/lib/participants/my-data-types";
import { FoldingList, MyDataSection } from "./my-data-section";

/** The person's answers, one page at a time (older pages by cursor), each opening to its questions and answers. */
export async function MyResponses({ responses, pageHref, isFirstPage }: { responses: MyData["responses"]; pageHref: (cursor: string | null) => string; isFirstPage: boolean }) {
  const [t, format] = await Promise.all([getTranslations("myData"), getFormatter()]);
  const when = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  return (
    <MyDataSection id="responses" title={t("responsesTitle")} count={responses.total}>
      {responses.items.length === 0 ? (
        <p className="text-sm text-muted">{t("responsesEmpty")}</p>
      ) : (
        <>
          <ul className="space-y-3">
            {responses.items.map((response) => (
              <li key={response.id} className="rounded-md border border-border p-3 text-sm" data-testid="my-response">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-words" data-user-content>{response.instrumentName}</span>
                  <Badge tone={response.status === "completed" ? "success" : "warning"}>{t(`status_${response.status}`)}</Badge>
                </p>
                <p className="text-muted">{response.submittedAt ? t("submittedOn", { date: when(response.submittedAt) }) : t("startedOn", { date: when(response.startedAt) })}</p>
                {response.anonymizedAt && <p className="text-muted">{t("anonymizedOn", { date: when(response.anonymizedAt) })}</p>}
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 text-primary">{t("showAnswers")}</summary>
                  <dl className="space-y-2">
                    {response.answers.map((answer) => (
                      <div key={answer.questionId}>
                        <dt className="font-medium break-words" data-user-content>{answer.prompt}</dt>
                        <dd className="break-words whitespace-pre-wrap">{answer.lines.length > 0 ? <span data-user-content>{answer.lines.join("\n")}</span> : <span className="text-muted">{t("notAnswered")}</span>}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-muted">{t("showingOf", { shown: responses.items.length, total: responses.total })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {!isFirstPage && <Link href={pageHref(null)} className={buttonClasses("secondary")}>{t("newestResponses")}</Link>}
            {responses.nextCursor && <Link href={pageHref(responses.nextCursor)} className={buttonClasses("secondary")}>{t("olderResponses")}</Link>}
          </div>
        </>
      )}
    </MyDataSection>
  );
}

/** Live answers and posts, staff reports, session mail and the person's own audit trail: newest first, the rest in the download. */
export async function MyOtherRecords({ data }: { data: MyData }) {
  const [t, tf, format] = await Promise.all([getTranslations("myData"), getTranslations("fieldReports"), getFormatter()]);
  const when = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  const day = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium" });
  return (
    <>
      <MyDataSection id="live-answers" title={t("liveAnswersTitle")} count={data.liveAnswers.total}>
        <FoldingList items={data.liveAnswers.items} total={data.liveAnswers.total} empty={t("liveAnswersEmpty")} render={(answer) => (
          <>
            <p className="text-muted"><span data-user-content>{answer.sessionTitle}</span> · {when(answer.answeredAt)}</p>
            <p data-user-content>{answer.question}: <strong>{answer.lines.join("; ")}</strong></p>
          </>
        )} />
      </MyDataSection>
      <MyDataSection id="live-posts" title={t("livePostsTitle")} count={data.livePosts.total}>
        <FoldingList items={data.livePosts.items} total={data.livePosts.total} empty={t("livePostsEmpty")} render={(post) => (
          <>
            <p className="flex flex-wrap items-center gap-2 text-muted">
              <span data-user-content>{post.sessionTitle}</span> · {when(post.createdAt)}
              <Badge tone={post.status === "hidden" ? "warning" : "neutral"}>{post.status === "hidden" ? t("postHidden") : t("postVisible")}</Badge>
              {post.highlighted && <Badge tone="success">{t("postHighlighted")}</Badge>}
            </p>
            <p className="whitespace-pre-wrap" data-user-content>{post.body}</p>
          </>
        )} />
      </MyDataSection>
      {(data.membership.role === "frontline" || data.fieldReports.total > 0) && (
        <MyDataSection id="reports" title={t("fieldReportsTitle")} count={data.fieldReports.total}>
          <FoldingList items={data.fieldReports.items} total={data.fieldReports.total} empty={t("fieldReportsEmpty")} render={(report) => (
            <>
              <p className="flex flex-wrap items-center gap-2 text-muted">
                <Badge>{tf(`kinds.${report.kind}`)}</Badge>
                <Badge tone={report.urgency === "urgent" ? "danger" : "neutral"}>{tf(`urgencies.${report.urgency}`)}</Badge>
                {when(report.createdAt)}
              </p>
              <p className="whitespace-pre-wrap" data-user-content>{report.body}</p>
            </>
          )} />
        </MyDataSection>
      )}
      {data.interviews.total > 0 && (
        <MyDataSection id="interviews" title={t("interviewsTitle")} count={data.interviews.total}>
          <FoldingList items={data.interviews.items} total={data.interviews.total} empty={t("interviewsEmpty")} render={(note) => (
            <>
              <p className="text-muted"><span data-user-content>{note.title}</span> · {day(note.interviewedOn)}</p>
              <p className="whitespace-pre-wrap" data-user-content>{note.body}</p>
            </>
          )} />
        </MyDataSection>
      )}
      <MyDataSection id="mails" title={t("mailsTitle")} count={data.mails.total}>
        <FoldingList items={data.mails.items} total={data.mails.total} empty={t("mailsEmpty")} render={(mail) => (
          <>
            <p>{mail.kind === "invitation" ? t("mail_invitation") : t("mail_reminder", { sequence: mail.sequence })} · {when(mail.sentAt)}</p>
            <p className="text-muted"><span data-user-content>{mail.programName}</span> · {t("sessionOf", { date: day(mail.sessionOpensAt) })}</p>
          </>
        )} />
      </MyDataSection>
      <MyDataSection id="activity" title={t("activityTitle")} count={data.activity.total}>
        <FoldingList items={data.activity.items} total={data.activity.total} empty={t("activityEmpty")} render={(entry) => <p>{entry.label} · <span className="text-muted">{when(entry.at)}</span></p>} />
      </MyDataSection>
    </>
  );
}
