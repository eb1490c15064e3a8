"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { QuestionField } from "@/components/respond/question-field";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { problemMessageKey, readProblem } from "@/lib/http/problem";
import { answerError, type AnswerValue } from "@/lib/instruments/answers";
import type { Locale } from "@/lib/i18n/locales";
import type { LivePollSummary } from "@/lib/live/events";
import { ReconnectingBanner } from "./connection-status";
import { LiveThread } from "./live-thread";
import { PostBox } from "./post-box";
import { useRefusalText } from "@/components/i18n/use-refusal-text";
import { liveAnswerUrl, useLiveStream } from "./use-live-stream";

export interface ParticipantViewProps {
  orgSlug: string;
  sessionId: string;
  title: string;
  locale: Locale;
}

/**
 * A participant's phone view: waiting before the start and between polls, the pushed poll in
 * their language, one answer then the confirmation (also after a reload or a 409), the thread.
 */
export function ParticipantView({ orgSlug, sessionId, title, locale }: ParticipantViewProps) {
  const t = useTranslations("live");
  const format = useFormatter();
  const { state, connection, dispatch } = useLiveStream(orgSlug, sessionId);
  const status = state?.session.status;
  const poll = state?.currentPoll ?? null;

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight">{state?.session.title ?? title}</h1>
      <ReconnectingBanner connection={connection} />
      <div aria-live="polite">
        {!state && <p className="text-muted">{t("loading")}</p>}
        {status === "scheduled" && state && (
          <Card data-testid="live-waiting-start">
            {/* The phone's own time zone: the page is rendered on the phone (server/lean-pages.tsx). */}
            <p suppressHydrationWarning>{t("participant.waitingStart", { when: format.dateTime(new Date(state.session.scheduledAt), { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, timeZoneName: "short" }) })}</p>
          </Card>
        )}
        {status === "ended" && <Alert tone="success">{t("participant.ended")}</Alert>}
        {status === "live" && !poll && <Card data-testid="live-waiting-poll"><p className="text-muted">{t("participant.waitingPoll")}</p></Card>}
      </div>
      {status === "live" && poll && (
        <PollCard key={poll.pollId} orgSlug={orgSlug} sessionId={sessionId} poll={poll} isAnswered={poll.myAnswer !== null && poll.myAnswer !== undefined} locale={locale} onAnswered={(value) => dispatch({ type: "answered", pollId: poll.pollId, value })} />
      )}
      {state && status !== "scheduled" && (
        <Card>
          <LiveThread posts={state.posts}>{status === "live" && <PostBox orgSlug={orgSlug} sessionId={sessionId} />}</LiveThread>
        </Card>
      )}
    </div>
  );
}

function PollCard({ orgSlug, sessionId, poll, isAnswered, locale, onAnswered }: { orgSlug: string; sessionId: string; poll: LivePollSummary; isAnswered: boolean; locale: Locale; onAnswered: (value: unknown) => void }) {
  const t = useTranslations("live.participant");
  const te = useTranslations("errors");
  const refusalText = useRefusalText();
  const [value, setValue] = useState<AnswerValue | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const fallback = poll.definition.defaultLocale as Locale;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const question = poll.definition.questions.find((candidate) => candidate.type !== "stimulus");
    const invalidKey = question ? answerError(question, value) : null;
    if (value === undefined || invalidKey) {
      setError(value === undefined ? t("chooseFirst") : te(invalidKey!));
      return;
    }
    setIsSending(true);
    setError(null);
    try {
      const response = await fetch(liveAnswerUrl(orgSlug, sessionId, poll.pollId), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ value }) });
      const problem = response.ok ? null : await readProblem(response);
      // A 409 "already answered" means the first answer counts: show the same confirmation.
      if (!problem || problem.title === "liveAlreadyAnswered") onAnswered(value);
      else setError(refusalText(problemMessageKey(problem), t("failed")));
    } catch {
      setError(t("failed"));
    } finally {
      setIsSending(false);
    }
  }

  if (isAnswered) {
    return (
      <Card data-testid="live-answered">
        <p role="status" className="text-lg font-semibold text-success">{t("thanks")}</p>
      </Card>
    );
  }
  return (
    <Card>
      <form onSubmit={submit} className="space-y-5" noValidate data-testid="live-poll">
        {poll.definition.questions.map((question) => (
          <QuestionField key={question.id} question={question} locale={locale} fallbackLocale={fallback} value={question.type === "stimulus" ? undefined : value} onChange={(next) => setValue(next)} idPrefix={`live-${poll.pollId}`} />
        ))}
        <div aria-live="assertive">{error && <Alert>{error}</Alert>}</div>
        <Button type="submit" className="w-full" disabled={isSending} aria-busy={isSending}>{isSending ? t("submitting") : t("submit")}</Button>
      </form>
    </Card>
  );
}
