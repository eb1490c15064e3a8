"use client";
import { useFormatter, useTranslations } from "next-intl";

export interface BarOption {
  key: string;
  label: string;
  n: number;
}

/** A poll's distribution as a table whose rows carry a bar: readable by screen readers, with the numbers beside every bar. */
export function ResultBars({ caption, options, respondents }: { caption: string; options: BarOption[]; respondents: number }) {
  const t = useTranslations("liveReview");
  const format = useFormatter();
  return (
    <table className="w-full table-fixed text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-muted">
        <tr>
          <th scope="col" className="w-2/5 py-1 pr-2 font-medium">{t("option")}</th>
          <th scope="col" className="py-1 pr-2 font-medium"><span className="sr-only">{t("distribution")}</span></th>
          <th scope="col" className="w-14 py-1 pr-2 text-right font-medium">{t("count")}</th>
          <th scope="col" className="w-16 py-1 text-right font-medium">{t("percent")}</th>
        </tr>
      </thead>
      <tbody>
        {options.map((option) => {
          const share = respondents === 0 ? 0 : option.n / respondents;
          return (
            <tr key={option.key} data-testid="result-row">
              <th scope="row" className="break-words py-1 pr-2 text-left font-normal">{option.label}</th>
              <td className="py-1 pr-2" aria-hidden="true">
                <div className="h-4 rounded bg-primary" style={{ width: `${Math.round(share * 100)}%`, minWidth: option.n > 0 ? "2px" : 0 }} />
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">{format.number(option.n)}</td>
              <td className="py-1 text-right tabular-nums">{format.number(share, { style: "percent", maximumFractionDigits: 0 })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
