"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { BarTable } from "@/components/charts/bar-table";
import { SelectField } from "@/components/ui/field";
import type { Definition } from "@/lib/instruments/definition";
import { LOCALE_NAMES, isLocale, type Locale } from "@/lib/i18n/locales";
import type { LiveResults as Results, LiveSplitGroup, LiveTexts } from "@/lib/live/events";
import { pollQuestion, resultRows, splitAttributes, type ResultRow } from "@/lib/live/poll-view";

interface Props {
  definition: Definition;
  results: Results | undefined;
  texts: LiveTexts["texts"] | undefined;
  locale: Locale;
  /** Observers are told that small groups are withheld. */
  isObserver?: boolean;
}

/**
 * A poll's live results: every option with its count, share and a bar, the mean of a scale,
 * the split by a chosen profile attribute (withheld groups say so), and open answers as they arrive.
 */
export function LiveResultsView({ definition, results, texts, locale, isObserver = false }: Props) {
  const t = useTranslations("live.results");
  const tAttribute = useTranslations("live.attribute");
  const format = useFormatter();
  const [split, setSplit] = useState("");
  const question = pollQuestion(definition);
  const respondents = results?.respondents ?? 0;
  const rows = resultRows(definition, results?.counts ?? {}, respondents, locale);
  const attributes = splitAttributes(results);
  const attributeLabel = (key: string) => (tAttribute.has(key as "language") ? tAttribute(key as "language") : key);
  const valueLabel = (attribute: string, value: string) => (attribute === "language" && isLocale(value) ? LOCALE_NAMES[value] : value);
  const mean = (value: number | null) => (value === null ? "" : t("mean", { mean: format.number(value, { maximumFractionDigits: 1 }) }));
  const activeSplit = attributes.includes(split) ? split : "";

  return (
    <div className="space-y-4" data-testid="live-results">
      <p className="flex flex-wrap gap-x-4 text-sm" aria-live="polite" aria-atomic="true">
        <span className="font-semibold" data-testid="live-respondents">{t("respondents", { count: respondents })}</span>
        {results?.mean !== null && results?.mean !== undefined && <span data-testid="live-mean">{mean(results.mean)}</span>}
      </p>
      {results?.withheld && (
        <p className="text-sm text-muted" data-testid="live-results-withheld">{t("withheld", { min: results.minGroupSize })}</p>
      )}
      {rows.length > 0 && !results?.withheld && (
        <BarTable
          caption={t("title")}
          rows={rows.map((row) => ({ key: row.bucket, label: row.label, n: row.count, percent: row.percent }))}
          headings={{ option: t("option"), count: t("count"), percent: t("share") }}
          rowTestId="live-result-row"
          testId="live-distribution"
        />
      )}

      {question?.type === "text" && (
        <section aria-labelledby="live-texts-title">
          <h4 id="live-texts-title" className="text-sm font-semibold">{t("texts")}</h4>
          {texts && texts.length > 0 ? (
            <ul className="mt-2 max-h-72 space-y-2 overflow-y-auto" aria-live="polite" aria-relevant="additions" data-testid="live-texts">
              {texts.map((text) => (
                <li key={text.id} className="rounded-md bg-accent px-3 py-2 text-sm whitespace-pre-line">{text.text}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted">{t("noTexts")}</p>
          )}
        </section>
      )}

      {attributes.length > 0 && question?.type !== "text" && !results?.withheld && (
        <div className="space-y-3">
          <SelectField id="live-split" label={t("splitLabel")} value={activeSplit} onChange={(event) => setSplit(event.target.value)} options={[{ value: "", label: t("splitNone") }, ...attributes.map((key) => ({ value: key, label: attributeLabel(key) }))]} className="max-w-xs" />
          {activeSplit && results && <SplitTable groups={results.splits[activeSplit] ?? []} rowsOf={(group) => resultRows(definition, group.counts, group.respondents, locale)} title={attributeLabel(activeSplit)} valueLabel={(value) => valueLabel(activeSplit, value)} min={results.minGroupSize} mean={mean} />}
          {isObserver && results && <p className="text-sm text-muted">{t("suppressedNote", { min: results.minGroupSize })}</p>}
        </div>
      )}
    </div>
  );
}

function SplitTable({ groups, rowsOf, title, valueLabel, min, mean }: { groups: LiveSplitGroup[]; rowsOf: (group: Extract<LiveSplitGroup, { suppressed: false }>) => ResultRow[]; title: string; valueLabel: (value: string) => string; min: number; mean: (value: number | null) => string }) {
  const t = useTranslations("live.results");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="live-split">
        <caption className="sr-only">{`${t("splitLabel")} ${title}`}</caption>
        <thead className="border-b border-border text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{title}</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">{t("count")}</th>
            <th scope="col" className="py-1 font-medium">{t("title")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {groups.map((group) => (
            <tr key={group.value} data-testid="live-split-group" data-value={group.value}>
              <th scope="row" className="py-2 pr-3 align-top font-medium">{valueLabel(group.value)}</th>
              {group.suppressed ? (
                <td colSpan={2} className="py-2 text-muted" data-testid="live-split-suppressed">{t("suppressed", { min })}</td>
              ) : (
                <>
                  <td className="py-2 pr-3 text-right align-top tabular-nums">{group.respondents}</td>
                  <td className="py-2">
                    <ul className="space-y-0.5">
                      {rowsOf(group).filter((row) => row.count > 0).map((row) => (
                        <li key={row.bucket}>{`${row.label}: ${row.count} (${row.percent}%)`}</li>
                      ))}
                    </ul>
                    {group.mean !== null && <span className="text-muted">{mean(group.mean)}</span>}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
