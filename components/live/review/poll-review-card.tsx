"use client";
import { useState } from "react";
import Image from "next/image";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import type { ReviewPoll } from "@/lib/live/read-session-review";
import { BarTable } from "@/components/charts/bar-table";
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
                <div className="overflow-x-auto" aria-live="polite">
                  <table className="w-full text-sm" data-testid="split-table">
                    <caption className="sr-only">{t("splitCaption", { ordinal: poll.ordinal, attribute: nameOf(split) })}</caption>
                    <thead className="text-left text-muted">
                      <tr>
                        <th scope="col" className="py-1 pr-3 font-medium">{t("group")}</th>
                        <th scope="col" className="py-1 pr-3 text-right font-medium">{t("groupSize")}</th>
                        {poll.options.map((option) => (
                          <th key={option.key} scope="col" className="py-1 pr-3 text-right font-medium">{option.label}</th>
                        ))}
                        {results.mean !== null && <th scope="col" className="py-1 text-right font-medium">{t("meanColumn")}</th>}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-border">
                      {groups.map((group) => (
                        <tr key={group.value} data-testid="split-row">
                          <th scope="row" className="py-2 pr-3 text-left font-normal">{valueOf(split, group.value)}</th>
                          {group.suppressed ? (
                            <td colSpan={poll.options.length + 1 + (results.mean !== null ? 1 : 0)} className="py-2 text-muted">
                              {t("suppressed")} — {t(`suppressedReason.${group.reason}`, { min: minGroupSize })}
                            </td>
                          ) : (
                            <>
                              <td className="py-2 pr-3 text-right tabular-nums">{format.number(group.respondents)}</td>
                              {poll.options.map((option) => (
                                <td key={option.key} className="py-2 pr-3 text-right tabular-nums">
                                  {format.number(group.respondents === 0 ? 0 : (group.counts[option.key] ?? 0) / group.respondents, { style: "percent", maximumFractionDigits: 0 })}
                                </td>
                              ))}
                              {results.mean !== null && <td className="py-2 text-right tabular-nums">{group.mean === null ? "—" : format.number(group.mean, { maximumFractionDigits: 1 })}</td>}
                            </>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
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
