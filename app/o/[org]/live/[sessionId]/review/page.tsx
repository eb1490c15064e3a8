import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PollReviewCard, type AttributeLabels } from "@/components/live/review/poll-review-card";
import { buttonClasses } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { readSessionReview, type SessionReview } from "@/lib/live/read-session-review";
import { ExportRefusedNotice } from "@/components/consent/export-refused-notice";
import { isIndividualExportRefused } from "@/lib/consent/require-individual-export";

const BUILT_IN_ATTRIBUTES = ["region", "language", "ageBand", "tenure"] as const;

export default async function LiveSessionReviewPage({ params }: { params: Promise<{ org: string; sessionId: string }> }) {
  const { org, sessionId } = await params;
  // Participants may view the organization but not this page: the reader answers 404 for them.
  const { organization, actor } = await loadOrgPage(org, "org.view", `/live/${sessionId}/review`);
  const locale = (await getLocale()) as Locale;
  const review = await readSessionReview(await getDb(), actor, { id: organization.id }, sessionId, locale).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("liveReview"), getFormatter()]);
  const labels = await attributeLabels(review);
  const when = (at: string | null) => (at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) : t("notYet"));
  const time = (at: string) => format.dateTime(new Date(at), { timeStyle: "short", timeZone: "UTC" });
  const { session } = review;
  const isExportRefused = review.canExport && (await isIndividualExportRefused(await getDb(), session.panel.id));
  const exportHref = (format: string, part: string) => `/api/o/${organization.slug}/live/${session.id}/export?format=${format}&part=${part}`;

  return (
    <div className="space-y-6">
      <PageHeader title={session.title} description={t("description", { panel: session.panel.name })} />

      <Card className="space-y-4" aria-label={t("summary")}>
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={session.status === "live" ? "success" : "neutral"}>{t(`status.${session.status}`)}</Badge>
          {review.audience === "observer" && <span className="text-sm text-muted">{t("observerNote", { min: review.minGroupSize, textMin: review.minTextGroupSize })}</span>}
        </div>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {[
            [t("panel"), session.panel.name],
            [t("scheduledAt"), when(session.scheduledAt)],
            [t("startedAt"), when(session.startedAt)],
            [t("endedAt"), when(session.endedAt)],
            [t("participants"), t("participantsValue", { answered: session.answered, invited: session.invited })],
          ].map(([term, value]) => (
            <div key={term} className="flex flex-wrap gap-x-2">
              <dt className="text-muted">{term}</dt>
              <dd className="font-medium" data-testid={`summary-${term}`}>{value}</dd>
            </div>
          ))}
        </dl>
        {review.canViewResponses && session.status === "ended" && (
          <p>
            {session.instrumentId ? (
              <a className="text-primary underline-offset-2 hover:underline" href={`/o/${organization.slug}/workspace/instruments/${session.instrumentId}/responses`}>
                {t("openResponses")}
              </a>
            ) : (
              <span className="text-sm text-muted">{t("storing")}</span>
            )}
          </p>
        )}
        {review.canExport && (
          <div className="space-y-2">
            <h2 className="text-sm font-semibold">{t("exports")}</h2>
            {isExportRefused ? <ExportRefusedNotice /> : <div className="flex flex-wrap gap-2">
              <a className={buttonClasses("secondary")} href={exportHref("csv", "answers")} download>{t("exportAnswersCsv")}</a>
              <a className={buttonClasses("secondary")} href={exportHref("xlsx", "answers")} download>{t("exportAnswersXlsx")}</a>
              <a className={buttonClasses("secondary")} href={exportHref("csv", "thread")} download>{t("exportThreadCsv")}</a>
              <a className={buttonClasses("secondary")} href={exportHref("xlsx", "thread")} download>{t("exportThreadXlsx")}</a>
              <a className={buttonClasses("secondary")} href={exportHref("json", "answers")} download>{t("exportJson")}</a>
            </div>}
          </div>
        )}
      </Card>

      <section className="space-y-3" aria-labelledby="review-polls">
        <h2 id="review-polls" className="text-xl font-semibold">{t("polls")}</h2>
        {review.polls.length === 0 ? (
          <EmptyState title={t("noPolls")}>{t("noPollsHint")}</EmptyState>
        ) : (
          review.polls.map((poll) => <PollReviewCard key={poll.pollId} poll={poll} labels={labels} minGroupSize={review.minGroupSize} minTextGroupSize={review.minTextGroupSize} />)
        )}
      </section>

      <section className="space-y-3" aria-labelledby="review-thread">
        <h2 id="review-thread" className="text-xl font-semibold">{t("thread")}</h2>
        {review.posts.length === 0 ? (
          <EmptyState title={t("noPosts")}>{t("noPostsHint")}</EmptyState>
        ) : (
          <Card>
            <ol className="divide-y divide-border" data-testid="thread">
              {review.posts.map((post) => (
                <li key={post.postId} className={post.hidden ? "-mx-2 space-y-1 rounded bg-accent px-2 py-3 text-muted" : "space-y-1 py-3"} data-testid="thread-post">
                  <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <time dateTime={post.createdAt}>{time(post.createdAt)}</time>
                    {post.author && <span className="font-medium text-fg" data-testid="post-author">{post.author}</span>}
                    {post.hidden && <Badge tone="warning">{t("hidden")}</Badge>}
                    {post.highlighted && <Badge tone="success">{t("highlighted")}</Badge>}
                  </div>
                  <p className="whitespace-pre-line break-words">{post.body}</p>
                </li>
              ))}
            </ol>
          </Card>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="review-timeline">
        <h2 id="review-timeline" className="text-xl font-semibold">{t("timeline")}</h2>
        {review.timeline.length === 0 ? (
          <EmptyState title={t("noEvents")} />
        ) : (
          <Card>
            <ol className="space-y-2 text-sm" data-testid="timeline">
              {review.timeline.map((event) => (
                <li key={event.seq} className="flex gap-x-3" data-testid="timeline-event">
                  <time dateTime={event.at} className="w-20 shrink-0 whitespace-nowrap tabular-nums text-muted">{time(event.at)}</time>
                  <span>
                    {event.label === "pollOpened" || event.label === "pollClosed" ? t(`event.${event.label}`, { ordinal: event.pollOrdinal ?? "–" }) : t(`event.${event.label}`)}
                    {event.actor && <span className="text-muted"> · {t("by", { name: event.actor })}</span>}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        )}
      </section>
    </div>
  );
}

/** Names of the attributes answers were split by: built-in ones from the profile catalog, the organization's own as typed. */
async function attributeLabels(review: SessionReview): Promise<AttributeLabels> {
  const t = await getTranslations("councils");
  const names: Record<string, string> = { ...review.customAttributes };
  const values: Record<string, Record<string, string>> = {};
  for (const key of BUILT_IN_ATTRIBUTES) {
    names[key] = t(`attribute.${key}`);
    values[key] = {};
    for (const poll of review.polls) {
      for (const group of poll.results?.splits[key] ?? []) {
        const path = `choice.${key}.${group.value}`;
        if (t.has(path as never)) values[key][group.value] = t(path as never);
      }
    }
  }
  return { names, values };
}
