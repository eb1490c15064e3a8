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
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-muted">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">{t("option")}</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">{t("count")}</th>
          <th scope="col" className="py-1 text-right font-medium">{t("percent")}</th>
        </tr>
      </thead>
      <tbody>
        {options.map((option) => {
          const share = respondents === 0 ? 0 : option.n / respondents;
          return (
            <tr key={option.key} data-testid="result-row">
              {/* The bar sits under its label, so it has the whole width even on a phone. */}
              <th scope="row" className="w-full py-1.5 pr-3 text-left font-normal">
                <span className="break-words">{option.label}</span>
                <div className="mt-1 h-3 rounded bg-primary" aria-hidden="true" style={{ width: `${Math.round(share * 100)}%`, minWidth: option.n > 0 ? "2px" : 0 }} />
              </th>
              <td className="py-1.5 pr-3 text-right align-top tabular-nums">{format.number(option.n)}</td>
              <td className="py-1.5 text-right align-top tabular-nums">{format.number(share, { style: "percent", maximumFractionDigits: 0 })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
