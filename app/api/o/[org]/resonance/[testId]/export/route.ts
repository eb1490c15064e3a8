// GET /api/o/[org]/resonance/[testId]/export – a resonance test's results per concept and segment as CSV, withheld segments without numbers
import { getTranslations } from "next-intl/server";
import { resonanceTableLabels } from "@/components/resonance/resonance-labels";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { getResonanceResults } from "@/lib/resonance/get-resonance-results";
import { resonanceRows, resonanceTableHeader } from "@/lib/resonance/resonance-table";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/responses/export-formats";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ org: string; testId: string }> }) {
  try {
    const { org, testId } = await ctx.params;
    const [db, actor, t, tk, ta] = await Promise.all([getDb(), getActor(), getTranslations("resonance"), getTranslations("kpis"), getTranslations("anonymity")]);
    const results = await getResonanceResults(db, actor, { slug: org }, testId);
    const labels = resonanceTableLabels(t, tk, ta, { minGroupSize: results.minGroupSize, threshold: results.test.respectfulThreshold });
    const rows = resonanceRows(results.concepts, labels);
    const stream = exportStream("csv", resonanceTableHeader(labels), (async function* () { yield* rows; })());
    return new Response(stream, { headers: { "Content-Type": EXPORT_CONTENT_TYPES.csv, "Content-Disposition": `attachment; filename="resonance-${results.test.id}.csv"`, "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
