import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatN } from "@/components/frontline/format";
import { formatKpiEstimate, kpiShortfall, formatPeriod, kpiNamer, segmentLabeler } from "@/components/kpis/format-kpi";
import type { EvidenceItem } from "@/lib/decisions/evidence";
import type { KpiValue } from "@/lib/kpis/kpi-value";
import type { DivergenceReason } from "@/lib/resonance/resonance-report";

/**
 * A decision's frozen evidence as it was recorded: KPI values, resonance results, quotes, memos and
 * insights. With `orgSlug` a cited insight links to its page (readers who may open it).
 */
export async function EvidenceList({ items, orgSlug }: { items: readonly EvidenceItem[]; orgSlug?: string }) {
  const [t, tk, tr, tc, format] = await Promise.all([getTranslations("campaigns"), getTranslations("kpis"), getTranslations("resonance"), getTranslations("councils"), getFormatter()]);
  const kpiName = kpiNamer(tk);
  const segments = segmentLabeler(tk, tc);
  const valueText = (aggregation: "mean" | "top_box" | "nps", value: KpiValue | null) => {
    if (!value) return tk("noDataYet");
    if (value.status !== "ok") return kpiShortfall(tk, value);
    const shown = formatKpiEstimate(format, aggregation, value.estimate);
    return `${shown.value}${shown.interval ? ` (${shown.interval})` : ""} · ${formatN(format, value.estimate.n)}`;
  };
  const reasons = (list: readonly DivergenceReason[], threshold: number) => list.map((reason) => tr(`reason_${reason}`, { threshold })).join("; ");
  return (
    <ul className="mt-1 space-y-2 text-sm" data-testid="evidence">
      {items.map((item, index) => {
        if (item.type === "kpi") {
          const period = item.periodStart ? `${formatPeriod(format, item.period, item.periodStart, (values) => tk("quarter", values))}: ` : "";
          return <li key={`kpi-${item.key}`}><span data-user-content={item.isBuiltIn ? undefined : true}>{kpiName(item)}</span> — {period}{valueText(item.aggregation, item.value)}</li>;
        }
        if (item.type === "quote") {
          return <li key={`quote-${index}`} data-user-content>{t("evidenceQuote", { text: item.text, concept: item.conceptTitle })}</li>;
        }
        if (item.type === "memo") {
          return (
            <li key={`memo-${item.memoId}`} data-testid="memo-evidence">
              {/* The memo's title and council are what people wrote, in whatever language they wrote them. */}
              <p data-user-content>{t("evidenceMemo", { title: item.title, council: item.programName, date: format.dateTime(new Date(item.sessionOpensAt), { dateStyle: "medium", timeZone: "UTC" }) })}</p>
              {item.excerpt && <p className="text-muted" data-user-content>{item.excerpt}</p>}
            </li>
          );
        }
        if (item.type === "insight") {
          const counts = [t("evidenceInsightPeople", { people: item.people }), ...Object.entries(item.segments).map(([attribute, count]) => t("evidenceInsightSegments", { attribute: segments.attribute(attribute), count }))].join(" · ");
          return (
            <li key={`insight-${item.insightId}`} data-testid="insight-evidence">
              <p>
                {t("evidenceInsightLabel")}{" "}
                {orgSlug ? <Link href={`/o/${orgSlug}/insights/${item.insightId}`} className="text-primary underline" data-user-content>{item.claim}</Link> : <span data-user-content>{item.claim}</span>}
              </p>
              <p className="text-muted">{counts} · {t("evidenceInsightCount", { count: item.evidenceCount })}{item.people === 1 && <> · <span className="text-warning">{t("evidenceInsightOneVoice")}</span></>}</p>
            </li>
          );
        }
        return (
          <li key={`resonance-${item.testId}`} data-testid="resonance-evidence">
            <p>{t("evidenceResonance", { date: format.dateTime(new Date(item.openedAt), { dateStyle: "medium" }), answered: tr("answered", { respondents: item.respondents, invited: item.invited }) })}</p>
            <ul className="ml-4 list-disc">
              {item.concepts.map((concept) => (
                <li key={concept.title}>
                  <span data-user-content>{t("evidenceConcept", { concept: concept.title, resonance: valueText("mean", concept.resonance), respectful: valueText("mean", concept.respectful) })}</span>
                  {concept.divergent.map((flag) => (
                    <p key={`${flag.attribute}-${flag.value}`} className="text-danger">{t("evidenceFlag", { attribute: segments.attribute(flag.attribute), value: segments.value(flag.attribute, flag.value), reasons: reasons(flag.reasons, item.respectfulThreshold) })}</p>
                  ))}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
