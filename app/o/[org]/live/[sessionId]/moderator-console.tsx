"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ConnectionStatus } from "@/components/live/connection-status";
import { LiveResultsView } from "@/components/live/live-results";
import { LiveThread, type PostChange } from "@/components/live/live-thread";
import { useLiveStream } from "@/components/live/use-live-stream";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Alert, Badge, Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/http/action-state";
import type { Locale } from "@/lib/i18n/locales";
import type { LivePollSummary } from "@/lib/live/events";
import { pollFormValues, pollPrompt } from "@/lib/live/poll-view";
import { closeLivePollAction, deleteLivePollAction, endLiveSessionAction, listLivePollsAction, moderateLivePostAction, moveLivePollAction, pushLivePollAction, startLiveSessionAction } from "./actions";
import { LivePollForm } from "./live-poll-form";

const STATUS_TONE = { scheduled: "neutral", live: "success", ended: "warning" } as const;
const POLL_TONE = { draft: "neutral", open: "success", closed: "warning" } as const;
/** Several events in a burst (another moderator editing) refetch the prepared list once. */
const REFETCH_DELAY_MS = 300;

interface Props {
  orgId: string;
  orgSlug: string;
  session: { id: string; title: string; status: "scheduled" | "live" | "ended"; scheduledAt: string; defaultLocale: Locale };
  initialPolls: LivePollSummary[];
  locale: Locale;
}

/** The moderator's console: session controls, prepared polls, live results with splits, and the moderated thread. */
export function ModeratorConsole({ orgId, orgSlug, session, initialPolls, locale }: Props) {
  const t = useTranslations("live");
  const te = useTranslations("errors");
  const format = useFormatter();
  const { state, connection } = useLiveStream(orgSlug, session.id);
  const [polls, setPolls] = useState(initialPolls);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = { orgId, sessionId: session.id };
  const status = state?.session.status ?? session.status;
  const seq = state?.seq;

  const refresh = useCallback(async () => {
    const next = await listLivePollsAction({ orgId, sessionId: session.id });
    if (next) setPolls(next);
  }, [orgId, session.id]);

  // Any step of the timeline may have changed the list (pushed, closed, edited by another moderator).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (seq === undefined) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), REFETCH_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [seq, refresh]);

  async function run(key: string, action: () => Promise<ActionState>) {
    setBusy(key);
    setError(null);
    const result = await action();
    setBusy(null);
    if (result.status === "error") setError(te(result.error));
    else await refresh();
  }

  const current = state?.currentPoll ?? null;
  const lastClosed = [...polls].reverse().find((poll) => poll.status === "closed");
  const shown = current ?? (lastClosed ? { ...lastClosed } : null);
  const numberOf = (pollId: string) => polls.findIndex((poll) => poll.pollId === pollId) + 1;
  const onModerate = (postId: string, change: PostChange) => void run(`post-${postId}`, () => moderateLivePostAction({ ...ref, postId, change }));
  const editingPoll = polls.find((poll) => poll.pollId === editing);
  const closeForm = useCallback(() => {
    setEditing(null);
    void refresh();
  }, [refresh]);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{session.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
            <span data-testid="live-session-status"><Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge></span>
            <span>{t("console.startsAt", { date: format.dateTime(new Date(session.scheduledAt), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}</span>
            <ConnectionStatus connection={connection} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {status === "scheduled" && <Button disabled={busy !== null} onClick={() => void run("start", () => startLiveSessionAction(ref))}>{busy === "start" ? t("console.working") : t("console.start")}</Button>}
          {status === "live" && current && <Button variant="secondary" disabled={busy !== null} onClick={() => void run("close", () => closeLivePollAction(ref))}>{t("console.closePoll")}</Button>}
          {status === "live" && <Button variant="danger" disabled={busy !== null} onClick={() => void run("end", () => endLiveSessionAction(ref))}>{busy === "end" ? t("console.working") : t("console.end")}</Button>}
          {status === "ended" && <ButtonLink href={`/o/${orgSlug}/live/${session.id}/review`}>{t("console.review")}</ButtonLink>}
        </div>
      </header>
      <div aria-live="assertive">{error && <Alert>{error}</Alert>}</div>
      {status === "ended" && <Alert tone="success">{t("console.reviewHint")}</Alert>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card aria-labelledby="live-current-title" data-testid="live-current">
            <h2 id="live-current-title" className="mb-3 text-lg font-semibold">{current ? t("console.currentTitle") : shown ? t("console.resultsOf", { number: numberOf(shown.pollId) }) : t("console.currentTitle")}</h2>
            {shown ? (
              <div className="space-y-3">
                <p className="text-base font-medium" data-testid="live-current-prompt">{pollPrompt(shown.definition, locale)}</p>
                <LiveResultsView definition={shown.definition} results={state?.results[shown.pollId]} texts={state?.texts[shown.pollId]} locale={locale} />
              </div>
            ) : (
              <p className="text-sm text-muted">{t("console.noCurrent")}</p>
            )}
          </Card>

          <Card aria-labelledby="live-polls-title">
            <h2 id="live-polls-title" className="mb-3 text-lg font-semibold">{t("console.pollsTitle")}</h2>
            {polls.length === 0 && <p className="text-sm text-muted">{t("console.noPolls")}</p>}
            <ol className="space-y-2" data-testid="live-polls">
              {polls.map((poll, index) => {
                const number = index + 1;
                const isDraft = poll.status === "draft";
                return (
                  <li key={poll.pollId} className="rounded-md border border-border p-3" data-testid="live-poll-item" data-status={poll.status}>
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <p className="min-w-0 flex-1">
                        <span className="mr-2 font-semibold tabular-nums">{number}.</span>
                        {pollPrompt(poll.definition, locale)}
                      </p>
                      <Badge tone={POLL_TONE[poll.status]}>{t(`pollStatus.${poll.status}`)}</Badge>
                    </div>
                    {/* Pushed polls are part of the session's record: only prepared ones move, change or go. */}
                    {status !== "ended" && isDraft && (
                      <div className="mt-2 flex flex-wrap gap-2">
                        <Button variant="ghost" className="min-h-9 px-2 py-1" aria-label={t("console.moveUp", { number })} disabled={index === 0 || busy !== null} onClick={() => void run(`up-${poll.pollId}`, () => moveLivePollAction({ ...ref, pollId: poll.pollId, direction: "up" }))}>↑</Button>
                        <Button variant="ghost" className="min-h-9 px-2 py-1" aria-label={t("console.moveDown", { number })} disabled={index === polls.length - 1 || busy !== null} onClick={() => void run(`down-${poll.pollId}`, () => moveLivePollAction({ ...ref, pollId: poll.pollId, direction: "down" }))}>↓</Button>
                        <Button variant="secondary" className="min-h-9 px-3 py-1" aria-label={t("console.editPollNamed", { number })} onClick={() => setEditing(poll.pollId)}>{t("console.editPoll")}</Button>
                        <Button variant="danger" className="min-h-9 px-3 py-1" aria-label={t("console.deletePollNamed", { number })} disabled={busy !== null} onClick={() => void run(`delete-${poll.pollId}`, () => deleteLivePollAction({ ...ref, pollId: poll.pollId }))}>{t("console.deletePoll")}</Button>
                        {status === "live" && <Button className="min-h-9 px-3 py-1" aria-label={t("console.pushNamed", { number })} disabled={busy !== null} onClick={() => void run(`push-${poll.pollId}`, () => pushLivePollAction({ ...ref, pollId: poll.pollId }))}>{t("console.push")}</Button>}
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
            {status !== "ended" && (
              <div className="mt-4">
                {editing ? (
                  <LivePollForm
                    key={editing}
                    orgId={orgId}
                    orgSlug={orgSlug}
                    sessionId={session.id}
                    pollId={editingPoll?.pollId}
                    initial={editingPoll ? pollFormValues(editingPoll.kind, editingPoll.definition) : undefined}
                    defaultLocale={session.defaultLocale}
                    title={editingPoll ? t("console.editPollTitle", { number: numberOf(editingPoll.pollId) }) : t("console.newPollTitle")}
                    onDone={closeForm}
                  />
                ) : (
                  <Button variant="secondary" onClick={() => setEditing("new")}>{t("console.addPoll")}</Button>
                )}
              </div>
            )}
          </Card>
        </div>

        <Card>
          <LiveThread posts={state?.posts ?? []} onModerate={status === "ended" ? undefined : onModerate} busyPostId={busy?.startsWith("post-") ? busy.slice(5) : null} />
        </Card>
      </div>
    </div>
  );
}
