// GET /api/o/[org]/scorecard/export – the executive scorecard as CSV, for a compensation committee
import { getTranslations } from "next-intl/server";
import { kpiNamer } from "@/components/kpis/format-kpi";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { getScorecard } from "@/lib/kpis/get-scorecard";
import { scorecardRows } from "@/lib/kpis/scorecard-table";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/responses/export-formats";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await ctx.params;
    const [scorecard, t, tk] = await Promise.all([getScorecard(await getDb(), await getActor(), { slug: org }), getTranslations("scorecard"), getTranslations("kpis")]);
    const header = ["owner", "kpi", "period", "n", "value", "lower", "upper", "target", "weight", "attainment", "flags"].map((column) => t(`csv.${column}`));
    const rows = scorecardRows(scorecard, { kpiName: kpiNamer(tk), flag: (flag) => t(`flag_${flag}`), score: t("csv.weightedScore") });
    const stream = exportStream("csv", header, (async function* () { yield* rows; })());
    return new Response(stream, { headers: { "Content-Type": EXPORT_CONTENT_TYPES.csv, "Content-Disposition": `attachment; filename="scorecard-${org.replace(/[^\w-]/g, "_")}.csv"`, "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
