import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { SuppressionReason } from "@/lib/anonymity/suppression";
import type { KpiSegment } from "@/lib/kpis/build-kpi-report";
import { formatKpiEstimate, type KpiAggregation } from "./format-kpi";

/** A KPI per segment with n, interval and its difference from the rest; a withheld segment says why instead. */
export async function KpiSplitTable({ caption, aggregation, segments, minN, withheldNote }: { caption: string; aggregation: KpiAggregation; segments: Array<KpiSegment & { label: string }>; minN: number; withheldNote: (reason: SuppressionReason) => string }) {
  const [t, format] = await Promise.all([getTranslations("kpis"), getFormatter()]);
  if (segments.length === 0) return <p className="text-sm text-muted">{t("noAnswers")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="kpi-split">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t("segmentColumn")}</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">n</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">{t("valueColumn")}</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">{t("intervalColumn")}</th>
            <th scope="col" className="py-2 font-medium">{t("differenceColumn")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {segments.map((segment) => {
            if (segment.suppressed) {
              return (
                <tr key={segment.value} data-testid="kpi-segment">
                  <th scope="row" className="py-2 pr-3 font-normal">{segment.label}</th>
                  <td colSpan={4} className="py-2 text-muted">{withheldNote(segment.reason)}</td>
                </tr>
              );
            }
            const shown = segment.kpi.status === "ok" ? formatKpiEstimate(format, aggregation, segment.kpi.estimate) : null;
            return (
              <tr key={segment.value} data-testid="kpi-segment">
                <th scope="row" className="py-2 pr-3 font-normal">{segment.label}</th>
                <td className="py-2 pr-3 text-right tabular-nums">{format.number(segment.kpi.status === "ok" ? segment.kpi.estimate.n : segment.kpi.n)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{shown ? shown.value : "—"}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{shown?.interval ?? "—"}</td>
                <td className="py-2">
                  {segment.kpi.status !== "ok" ? (
                    <span className="text-muted">{t("notEnoughData", { n: segment.kpi.n, minN })}</span>
                  ) : segment.difference === "below" ? (
                    <Badge tone="danger">{t("differenceBelow")}</Badge>
                  ) : segment.difference === "above" ? (
                    <Badge tone="success">{t("differenceAbove")}</Badge>
                  ) : segment.adjustedP === null ? (
                    <span className="text-muted">{t("differenceUntested")}</span>
                  ) : (
                    <span className="text-muted">{t("differenceNone")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
