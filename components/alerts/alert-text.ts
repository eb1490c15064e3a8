import type { createFormatter } from "next-intl";
import type { AlertFacts } from "@/db/schema";
import { formatKpiNumber, formatPeriod, kpiNamer, segmentLabeler } from "@/components/kpis/format-kpi";

type Translator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
type Formatter = Pick<ReturnType<typeof createFormatter>, "number" | "dateTime">;

/** What an alert says happened, in the reader's language, with the KPI's own number format. */
export function alertTexter(t: Translator, tKpis: Translator, tCouncils: Translator, format: Formatter) {
  const kpiName = kpiNamer(tKpis);
  const segments = segmentLabeler(tKpis, tCouncils);
  return (facts: AlertFacts): string => {
    if (facts.kind === "divergence") return t("what_divergence", { concept: facts.conceptTitle, campaign: facts.campaignName, segment: `${segments.attribute(facts.attribute)}: ${segments.value(facts.attribute, facts.value)}` });
    if (facts.kind === "urgent_spike") return t("what_urgent_spike", { count: facts.count, threshold: facts.threshold });
    const number = (value: number) => formatKpiNumber(format, facts.aggregation, value);
    return t(`what_${facts.kind}`, {
      kpi: kpiName({ key: facts.kpiKey, name: facts.kpiName, isBuiltIn: facts.isBuiltIn }),
      value: number(facts.value),
      target: facts.target === null ? "—" : number(facts.target),
      period: formatPeriod(format, facts.period, facts.periodStart, (values) => tKpis("quarter", values)),
    });
  };
}
