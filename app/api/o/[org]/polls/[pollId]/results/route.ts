// GET /api/o/[org]/polls/[pollId]/results?split=region – a quick poll's results, small groups withheld
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import type { Locale } from "@/lib/i18n/locales";
import { pollResults } from "@/lib/polls/poll-results";
import { splitQuerySchema } from "@/lib/polls/schemas";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ org: string; pollId: string }> }) {
  try {
    const { org, pollId } = await ctx.params;
    const { split } = splitQuerySchema.parse({ split: new URL(request.url).searchParams.get("split") || undefined });
    const results = await pollResults(await getDb(), await getActor(), { slug: org }, { pollId, split }, (await getLocale()) as Locale);
    return Response.json(results, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
