"use client";
import { useTranslations } from "next-intl";
import { ConnectionStatus } from "@/components/live/connection-status";
import { LiveResultsView } from "@/components/live/live-results";
import { LiveThread } from "@/components/live/live-thread";
import { useLiveStream } from "@/components/live/use-live-stream";
import { Alert, Badge, Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locales";
import { LIVE_MIN_GROUP_SIZE } from "@/lib/live/live-results";
import { pollPrompt } from "@/lib/live/poll-view";

/** A leader watching: the current poll's results with small groups withheld, and the visible thread, read-only. */
export function ObserverView({ orgSlug, sessionId, title, locale }: { orgSlug: string; sessionId: string; title: string; locale: Locale }) {
  const t = useTranslations("live");
  const { state, connection } = useLiveStream(orgSlug, sessionId);
  const status = state?.session.status;
  const current = state?.currentPoll ?? null;
  const lastClosed = state ? [...state.polls].reverse().find((poll) => poll.status === "closed") : undefined;
  const shown = current ?? lastClosed ?? null;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{state?.session.title ?? title}</h1>
        <div className="flex items-center gap-2">
          {status && <Badge tone={status === "live" ? "success" : "neutral"}>{t(`status.${status}`)}</Badge>}
          <ConnectionStatus connection={connection} />
        </div>
      </header>
      <p className="text-sm text-muted">{t("observer.note", { min: LIVE_MIN_GROUP_SIZE })}</p>
      {!state && <p className="text-muted">{t("loading")}</p>}
      {status === "ended" && <Alert tone="success">{t("participant.ended")}</Alert>}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card aria-labelledby="live-observed-title" data-testid="live-current">
          <h2 id="live-observed-title" className="mb-3 text-lg font-semibold">{t("results.title")}</h2>
          {shown ? (
            <div className="space-y-3">
              <p className="text-base font-medium" data-testid="live-current-prompt">{pollPrompt(shown.definition, locale)}</p>
              <LiveResultsView definition={shown.definition} results={state?.results[shown.pollId]} texts={state?.texts[shown.pollId]} locale={locale} isObserver />
            </div>
          ) : (
            <p className="text-sm text-muted">{t("results.waiting")}</p>
          )}
        </Card>
        <Card>
          <LiveThread posts={state?.posts ?? []} />
        </Card>
      </div>
    </div>
  );
}
