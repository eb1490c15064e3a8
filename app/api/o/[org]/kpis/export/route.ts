// GET /api/o/[org]/kpis/export?key=&by=&period= – KPI trends (or one KPI's split) as CSV, withheld segments left out
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { getKpiDetail } from "@/lib/kpis/get-kpi-detail";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";
import { kpiTableHeader, splitRows, trendRows } from "@/lib/kpis/kpi-table";
import { kpiTableLabels } from "@/components/kpis/kpi-table-labels";
import { kpiNamer } from "@/components/kpis/format-kpi";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/responses/export-formats";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await ctx.params;
    const params = new URL(request.url).searchParams;
    const [db, actor, t, ta] = await Promise.all([getDb(), getActor(), getTranslations("kpis"), getTranslations("anonymity")]);
    const kpiName = kpiNamer(t);
    const key = params.get("key");
    let rows;
    let labels = kpiTableLabels(t, ta);
    let filename = "kpis.csv";
    if (key) {
      const detail = await getKpiDetail(db, actor, { slug: org }, { key, by: params.get("by") ?? undefined, period: params.get("period") ?? undefined });
      const name = kpiName(detail.definition);
      labels = kpiTableLabels(t, ta, detail.minGroupSize);
      rows = detail.split ? splitRows(name, detail.split, labels) : trendRows([{ name, trend: detail.trend }], labels);
      filename = `kpi-${detail.definition.key}${detail.split ? `-by-${detail.split.by}-${detail.split.period}` : ""}.csv`;
    } else {
      const overview = await getKpiOverview(db, actor, { slug: org });
      rows = trendRows(overview.kpis.map((kpi) => ({ name: kpiName(kpi.definition), trend: kpi.trend })), labels);
    }
    const stream = exportStream("csv", kpiTableHeader(labels), (async function* () { yield* rows; })());
    return new Response(stream, { headers: { "Content-Type": EXPORT_CONTENT_TYPES.csv, "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
