// POST /api/o/[org]/live/[sessionId]/polls/[pollId]/answer – a participant's answer to the open poll.
// The custom server (server/live-routes.ts) answers this path itself; this handler serves it under `next dev`.
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { readJsonRequest } from "@/lib/http/json-body";
import { routeError } from "@/lib/http/route-error";
import { isUuid } from "@/lib/ids";
import { liveAnswerRequestSchema, MAX_LIVE_ANSWER_BYTES } from "@/lib/live/schemas";
import { submitLiveAnswer } from "@/lib/live/submit-live-answer";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: { params: Promise<{ org: string; sessionId: string; pollId: string }> }) {
  try {
    const { org, sessionId, pollId } = await ctx.params;
    const { value } = liveAnswerRequestSchema.parse(await readJsonRequest(request, MAX_LIVE_ANSWER_BYTES));
    if (!isUuid(sessionId) || !isUuid(pollId)) throw new AppError("NOT_FOUND", "notFound");
    const result = await submitLiveAnswer(await getDb(), await getActor(), { slug: org }, { sessionId, pollId, value });
    return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
