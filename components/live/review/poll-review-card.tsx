"use client";
import { useState } from "react";
import Image from "next/image";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import type { ReviewPoll } from "@/lib/live/read-session-review";
import { BarTable } from "@/components/charts/bar-table";
import { SplitTable, type SplitTableRow } from "@/components/charts/split-table";
import { sharePercent } from "@/lib/statistics/share";

export interface AttributeLabels {
  /** Attribute key → its name. */
  names: Record<string, string>;
  /** Attribute key → value → its label. */
  values: Record<string, Record<string, string>>;
}

/** One poll of a reviewed session: its final distribution, a split by any attribute, and its open answers. */
export function PollReviewCard({ poll, labels, minGroupSize, minTextGroupSize }: { poll: ReviewPoll; labels: AttributeLabels; minGroupSize: number; minTextGroupSize: number }) {
  const t = useTranslations("liveReview");
  const format = useFormatter();
  const [split, setSplit] = useState("");
  const { results } = poll;
  const nameOf = (key: string) => labels.names[key] ?? key;
  const valueOf = (key: string, value: string) => labels.values[key]?.[value] ?? value;
  const groups = results && split ? (results.splits[split] ?? []) : null;
  const selectId = `split-${poll.pollId}`;

  return (
    <Card className="space-y-4" aria-labelledby={`poll-${poll.pollId}`} data-testid="review-poll">
      <div className="space-y-1">
        <p className="text-sm text-muted">{t("pollHeading", { ordinal: poll.ordinal })} · {t(`kind.${poll.kind}` as never)}</p>
        <h3 id={`poll-${poll.pollId}`} className="text-lg font-semibold break-words">{poll.prompt}</h3>
        {results && (
          <p className="text-sm" data-testid="poll-respondents">
            {t("respondents", { count: results.respondents })}
            {results.mean !== null && <> · {t("mean", { mean: format.number(results.mean, { maximumFractionDigits: 1 }) })}</>}
          </p>
        )}
      </div>

      {poll.stimulus && (
        <div className="space-y-2 rounded-md bg-accent p-3">
          {poll.stimulus.imageUrl && (
            <div className="relative h-40 w-full max-w-md">
              <Image src={poll.stimulus.imageUrl} alt={t("stimulusAlt", { ordinal: poll.ordinal })} fill unoptimized className="object-contain" />
            </div>
          )}
          {poll.stimulus.copy && <p className="whitespace-pre-line">{poll.stimulus.copy}</p>}
        </div>
      )}

      {!results ? (
        <p className="text-muted" data-testid="poll-withheld">{t("withheldHint", { min: minGroupSize })}</p>
      ) : results.respondents === 0 ? (
        <p className="text-muted">{t("noAnswers")}</p>
      ) : (
        <>
          {poll.options.length > 0 && (
            <BarTable
              caption={t("resultsCaption", { ordinal: poll.ordinal })}
              rows={poll.options.map((option) => ({ ...option, n: results.counts[option.key] ?? 0, percent: sharePercent(results.counts[option.key] ?? 0, results.respondents) }))}
              headings={{ option: t("option"), count: t("count"), percent: t("percent") }}
              rowTestId="result-row"
            />
          )}
          {Object.keys(results.splits).length > 0 && (
            <div className="space-y-2">
              <SelectField
                id={selectId}
                label={t("splitLabel")}
                value={split}
                onChange={(event) => setSplit(event.target.value)}
                options={[{ value: "", label: t("noSplit") }, ...Object.keys(results.splits).map((key) => ({ value: key, label: nameOf(key) }))]}
                className="max-w-xs"
              />
              {groups && (
                <SplitTable
                  caption={t("splitCaption", { ordinal: poll.ordinal, attribute: nameOf(split) })}
                  headings={{ group: t("group"), size: t("groupSize"), mean: t("meanColumn") }}
                  options={poll.options}
                  showMean={results.mean !== null}
                  rows={groups.map((group): SplitTableRow =>
                    group.suppressed
                      ? { key: group.value, label: valueOf(split, group.value), withheld: true, note: `${t("suppressed")} — ${t(`suppressedReason.${group.reason}`, { min: minGroupSize })}` }
                      : {
                          key: group.value,
                          label: valueOf(split, group.value),
                          withheld: false,
                          n: group.respondents,
                          percents: Object.fromEntries(poll.options.map((option) => [option.key, sharePercent(group.counts[option.key] ?? 0, group.respondents)])),
                          mean: group.mean,
                        },
                  )}
                />
              )}
            </div>
          )}
        </>
      )}

      {poll.kind === "text" && (
        <div className="space-y-2">
          <h4 className="font-semibold">{t("openTexts")}</h4>
          {poll.textsWithheld ? (
            <p className="text-muted" data-testid="texts-withheld">{t("textsWithheld", { min: minTextGroupSize })}</p>
          ) : poll.texts && poll.texts.length > 0 ? (
            <ul aria-label={t("openTextsCaption", { ordinal: poll.ordinal })} className="divide-y divide-border" data-testid="open-texts">
              {poll.texts.map((text, index) => (
                <li key={index} className="py-2 break-words">{text}</li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">{t("noTexts")}</p>
          )}
        </div>
      )}
    </Card>
  );
}
