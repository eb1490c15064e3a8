import { getFormatter, getTranslations } from "next-intl/server";
import { segmentLabeler } from "@/components/kpis/format-kpi";
import { Alert, Badge } from "@/components/ui/card";
import type { Count, Representation, RepresentationAttribute } from "@/lib/representation/compare-representation";

/**
 * Who was heard against who could have been, one table per attribute both sides know: each
 * value's share of the distinct speakers and of the population, the gap, and a flag where a
 * Holm-corrected test finds the difference real. Withheld counts show why, never a number.
 */
export async function RepresentationTable({ representation }: { representation: Representation }) {
  const [t, tk, tc, format] = await Promise.all([getTranslations("representation"), getTranslations("kpis"), getTranslations("councils"), getFormatter()]);
  const segments = segmentLabeler(tk, tc);
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  const cell = (count: Count) => (count.suppressed ? <span className="text-muted">{t(count.reason === "complementary" ? "withheldComplementary" : "withheld")}</span> : `${percent(count.share)} (${count.count})`);
  const speakers = representation.speakers.suppressed ? t("speakersWithheld") : t("speakers", { count: representation.speakers.count });
  return (
    <div className="space-y-4" data-testid="representation">
      <p className="text-sm">
        {speakers} · {t("population", { count: representation.populationSize })}
      </p>
      {representation.tooFewVoices && <Alert tone="warning">{t("tooFewVoices")}</Alert>}
      {representation.hasFrontline && <p className="text-sm text-muted">{t("frontlineNote")}</p>}
      {representation.attributes.length === 0 ? (
        <p className="text-sm text-muted">{t("noSharedAttributes")}</p>
      ) : (
        representation.attributes.map((attribute) => <AttributeTable key={attribute.key} attribute={attribute} cell={cell} t={t} segments={segments} />)
      )}
      <p className="text-xs text-muted">{t("method")}</p>
    </div>
  );
}

function AttributeTable({ attribute, cell, t, segments }: { attribute: RepresentationAttribute; cell: (count: Count) => React.ReactNode; t: Awaited<ReturnType<typeof getTranslations<"representation">>>; segments: ReturnType<typeof segmentLabeler> }) {
  const caption = t("attributeCaption", { key: segments.attribute(attribute.key) });
  return (
    // Focusable, so a keyboard user can scroll a table wider than a phone.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-medium">{caption}</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{t("value")}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t("heard")}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t("populationShare")}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t("gap")}</th>
            <th scope="col" className="py-1 font-medium">{t("judgement")}</th>
          </tr>
        </thead>
        <tbody>
          {attribute.values.map((value) => (
            <tr key={value.value} className="border-t border-border">
              <th scope="row" className="py-1 pr-4 font-normal">{segments.value(attribute.key, value.value)}</th>
              <td className="py-1 pr-4 whitespace-nowrap tabular-nums">{cell(value.heard)}</td>
              <td className="py-1 pr-4 whitespace-nowrap tabular-nums">{cell(value.population)}</td>
              <td className="py-1 pr-4 whitespace-nowrap tabular-nums">{value.gapPoints === null ? "–" : t("gapPoints", { points: value.gapPoints > 0 ? `+${value.gapPoints}` : String(value.gapPoints) })}</td>
              <td className="py-1">
                {value.flag === "over" ? <Badge tone="warning">{t("over")}</Badge> : value.flag === "under" ? <Badge tone="warning">{t("under")}</Badge> : <span className="text-muted">{value.adjustedP === null ? t("notTested") : t("inLine")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
