// GET /api/o/[org]/polls/[pollId]/export?split=region – the aggregate as CSV, small groups withheld
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import type { Locale } from "@/lib/i18n/locales";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/responses/export-formats";
import { pollResults } from "@/lib/polls/poll-results";
import { resultsTable } from "@/lib/polls/results-table";
import { splitQuerySchema } from "@/lib/polls/schemas";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ org: string; pollId: string }> }) {
  try {
    const { org, pollId } = await ctx.params;
    const { split } = splitQuerySchema.parse({ split: new URL(request.url).searchParams.get("split") || undefined });
    const [results, t] = await Promise.all([pollResults(await getDb(), await getActor(), { slug: org }, { pollId, split }, (await getLocale()) as Locale), getTranslations("polls.csv")]);
    const header = [t("split"), t("group"), t("option"), t("count"), t("percent")];
    const rows = resultsTable(results, t("withheld"));
    const stream = exportStream("csv", header, (async function* () { yield* rows; })());
    return new Response(stream, {
      headers: { "Content-Type": EXPORT_CONTENT_TYPES.csv, "Content-Disposition": `attachment; filename="quick-poll-${results.poll.id}.csv"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return routeError(error);
  }
}
