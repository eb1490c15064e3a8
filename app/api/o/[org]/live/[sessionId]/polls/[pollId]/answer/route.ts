// POST /api/o/[org]/live/[sessionId]/polls/[pollId]/answer – a participant's answer to the open poll.
// The custom server (server/live-routes.ts) answers this path itself; this handler serves it under `next dev`.
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { routeError } from "@/lib/http/route-error";
import { isUuid } from "@/lib/ids";
import { submitLiveAnswer } from "@/lib/live/submit-live-answer";

export const dynamic = "force-dynamic";

const MAX_ANSWER_BODY = 16 * 1024;
const answerBodySchema = z.object({ value: z.unknown() });

export async function POST(request: Request, ctx: { params: Promise<{ org: string; sessionId: string; pollId: string }> }) {
  try {
    const { org, sessionId, pollId } = await ctx.params;
    const text = await request.text();
    if (text.length > MAX_ANSWER_BODY) throw new AppError("INVALID", "answersInvalid");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("INVALID", "answersInvalid");
    }
    const { value } = answerBodySchema.parse(body);
    if (!isUuid(sessionId) || !isUuid(pollId)) throw new AppError("NOT_FOUND", "notFound");
    const result = await submitLiveAnswer(await getDb(), await getActor(), { slug: org }, { sessionId, pollId, value });
    return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
