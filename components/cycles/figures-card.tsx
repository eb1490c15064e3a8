import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { MemoFigures } from "@/db/schema";

/** A session's figures: invited, responded, response rate and the coded items' means with their n. */
export async function FiguresCard({ figures, title }: { figures: MemoFigures; title?: string }) {
  const [t, format] = await Promise.all([getTranslations("cycles"), getFormatter()]);
  const stats = [
    { label: t("invited"), value: format.number(figures.invited) },
    { label: t("responded"), value: format.number(figures.responded) },
    { label: t("responseRate"), value: figures.responseRate === null ? "—" : format.number(figures.responseRate, { style: "percent" }) },
  ];
  return (
    <Card aria-labelledby="figures-title" data-testid="figures">
      <h2 id="figures-title" className="mb-3 text-lg font-semibold">{title ?? t("figuresTitle")}</h2>
      <dl className="grid grid-cols-3 gap-3">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-md bg-accent px-3 py-2">
            <dt className="text-xs text-muted">{stat.label}</dt>
            <dd className="text-xl font-semibold">{stat.value}</dd>
          </div>
        ))}
      </dl>
      {figures.kpis.length > 0 && (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">{t("kpisCaption")}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">{t("item")}</th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">{t("mean")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("n")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {figures.kpis.map((kpi) => (
              <tr key={kpi.code}>
                <th scope="row" className="py-2 pr-2 font-normal">
                  {kpi.label} <span className="text-xs text-muted">({kpi.code})</span>
                </th>
                <td className="py-2 pr-2 text-right font-medium">{kpi.value === null ? <span title={t("tooFew")}>{t("hidden")}</span> : format.number(kpi.value, { maximumFractionDigits: 2 })}</td>
                <td className="py-2 text-right">{kpi.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {figures.kpis.some((kpi) => kpi.value === null) && <p className="mt-2 text-xs text-muted">{t("tooFew")}</p>}
    </Card>
  );
}
