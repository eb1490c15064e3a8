"use client";
import { useActionState, useState } from "react";
import Image from "next/image";
import { useFormatter, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Alert, Badge, Card, EmptyState } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import type { PollResults } from "@/lib/polls/poll-results";
import { pollQueryKeys } from "@/lib/polls/query-keys";
import { closeQuickPollAction } from "../../../polls/actions";
import { BarTable } from "@/components/charts/bar-table";
import { SplitTable, type SplitTableRow } from "@/components/charts/split-table";

const REFRESH_MS = 4_000;

async function fetchResults(orgSlug: string, pollId: string, split: string): Promise<PollResults> {
  const response = await fetch(`/api/o/${orgSlug}/polls/${pollId}/results${split ? `?split=${encodeURIComponent(split)}` : ""}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`results ${response.status}`);
  return (await response.json()) as PollResults;
}

/** A quick poll's live results: refreshed every few seconds while it is open, each chart also a table. */
export function PollResultsView({ orgId, orgSlug, initial }: { orgId: string; orgSlug: string; initial: PollResults }) {
  const t = useTranslations("polls");
  const format = useFormatter();
  const [split, setSplit] = useState("");
  const pollId = initial.poll.id;
  const query = useQuery({
    queryKey: pollQueryKeys.results(orgSlug, pollId, split),
    queryFn: () => fetchResults(orgSlug, pollId, split),
    initialData: split === "" ? initial : undefined,
    refetchInterval: (current) => (current.state.data?.poll.status === "closed" ? false : REFRESH_MS),
  });
  const results = query.data ?? initial;
  const { poll } = results;
  const attributeLabel = (key: string) => (t.has(`attribute.${key}`) ? t(`attribute.${key}`) : key);

  return (
    <div className="space-y-6">
      <Card className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={poll.status === "open" ? "success" : "neutral"}>{t(`status.${poll.status}`)}</Badge>
          {poll.closeReason && <span data-testid="close-reason">{t(`reason.${poll.closeReason}`)}</span>}
          <span className="text-sm text-muted">
            {poll.closedAt ? t("closedOn", { date: format.dateTime(new Date(poll.closedAt), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) }) : t("deadlineOn", { date: format.dateTime(new Date(poll.deadline), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}
          </span>
          {results.total !== null && <span className="font-semibold" data-testid="poll-total">{t("answers", { count: results.total })}</span>}
        </div>
        {poll.status === "open" && <p className="text-sm text-muted" aria-live="polite">{query.isError ? t("loadFailed") : t("refreshing")}</p>}
        {poll.quotas.length > 0 && (
          <div>
            <h2 className="text-sm font-semibold">{t("quotaProgress")}</h2>
            <ul className="text-sm">
              {poll.quotas.map((quota) => (
                <li key={`${quota.attribute}=${quota.value}`}>{t("quotaRow", { attribute: attributeLabel(quota.attribute), value: quota.value, reached: quota.reached, count: quota.count })}</li>
              ))}
            </ul>
          </div>
        )}
        {results.canManage && (
          <div className="flex flex-wrap gap-3">
            {poll.status === "open" && <CloseNowButton orgId={orgId} pollId={pollId} onClosed={() => void query.refetch()} />}
            <ButtonLink variant="secondary" href={`/o/${orgSlug}/workspace/instruments/${poll.instrumentId}/responses`}>
              {t("openResponses")}
            </ButtonLink>
          </div>
        )}
      </Card>

      {poll.stimulus && (
        <Card className="space-y-2">
          {poll.stimulus.imageUrl && (
            <div className="relative h-48 w-full max-w-md">
              <Image src={poll.stimulus.imageUrl} alt={t("stimulusAlt")} fill unoptimized className="object-contain" />
            </div>
          )}
          {poll.stimulus.copy && <p className="whitespace-pre-line">{poll.stimulus.copy}</p>}
        </Card>
      )}

      {results.isHidden ? (
        <EmptyState title={t("hidden")}>{t("hiddenHint", { min: results.minGroupSize })}</EmptyState>
      ) : results.total === 0 ? (
        <EmptyState title={t("noAnswers")}>{t("noAnswersHint")}</EmptyState>
      ) : (
        <>
          {results.options.length > 0 && (
            <Card className="space-y-3">
              <h2 className="text-lg font-semibold">{t("distribution")}</h2>
              {results.mean !== null && <p data-testid="poll-mean">{t("mean", { mean: format.number(results.mean, { maximumFractionDigits: 1 }) })}</p>}
              <BarTable caption={t("distributionCaption")} rows={results.options} headings={{ option: t("option"), count: t("count"), percent: t("percent") }} rowTestId="option-row" />
            </Card>
          )}
          {results.texts && (
            <Card className="space-y-3">
              <h2 className="text-lg font-semibold">{t("openTexts")}</h2>
              {results.texts.length === 0 ? (
                <p className="text-muted">{t("noTexts")}</p>
              ) : (
                <ul aria-label={t("openTextsCaption")} className="divide-y divide-border" data-testid="open-texts">
                  {results.texts.map((text, index) => (
                    <li key={index} className="py-2">
                      {text}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
          <Card className="space-y-3">
            <div className="flex flex-wrap items-end gap-3">
              <SelectField
                id="poll-split"
                label={t("splitLabel")}
                value={split}
                onChange={(event) => setSplit(event.target.value)}
                options={[{ value: "", label: t("noSplit") }, ...results.attributes.map((key) => ({ value: key, label: attributeLabel(key) }))]}
                className="min-w-48"
              />
              <ButtonLink variant="secondary" href={`/api/o/${orgSlug}/polls/${pollId}/export${split ? `?split=${encodeURIComponent(split)}` : ""}`}>
                {t("exportCsv")}
              </ButtonLink>
            </div>
            {query.isFetching && split !== "" && !results.groups && <p className="text-sm text-muted" aria-live="polite">{t("refreshing")}</p>}
            {results.groups && <QuickPollSplit attribute={attributeLabel(results.split ?? "")} results={results} />}
          </Card>
        </>
      )}
    </div>
  );
}

function QuickPollSplit({ attribute, results }: { attribute: string; results: PollResults }) {
  const t = useTranslations("polls");
  const rows = (results.groups ?? []).map((group): SplitTableRow =>
    group.suppressed
      ? { key: group.value, label: group.value, withheld: true, note: `${t("suppressed")} — ${t(`suppressedReason.${group.reason}`, { min: results.minGroupSize })}` }
      : { key: group.value, label: group.value, withheld: false, n: group.n, percents: Object.fromEntries(group.options.map((option) => [option.key, option.percent])), mean: group.mean },
  );
  return (
    <div className="space-y-2">
      <SplitTable caption={t("splitCaption", { attribute })} headings={{ group: t("group"), size: t("groupSize"), mean: t("meanColumn") }} options={results.options} rows={rows} showMean={results.mean !== null} />
      <p className="text-sm text-muted">{t("suppressedNote", { min: results.minGroupSize })}</p>
    </div>
  );
}

function CloseNowButton({ orgId, pollId, onClosed }: { orgId: string; pollId: string; onClosed: () => void }) {
  const t = useTranslations("polls");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(async (previous: Awaited<ReturnType<typeof closeQuickPollAction>>, formData: FormData) => {
    const next = await closeQuickPollAction(previous, formData);
    if (next.status === "success") onClosed();
    return next;
  }, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="pollId" value={pollId} />
      <Button type="submit" variant="danger" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("closing") : t("closeNow")}
      </Button>
      <span aria-live="polite">
        {state.status === "success" && <span className="text-sm">{t("closeConfirm")}</span>}
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      </span>
    </form>
  );
}
