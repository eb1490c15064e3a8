// POST /api/o/[org]/live/[sessionId]/posts – a participant's message to the session's thread.
// The custom server (server/live-routes.ts) answers this path itself; this handler serves it under `next dev`.
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { createLivePost } from "@/lib/live/create-live-post";
import { livePostRequestSchema, MAX_LIVE_POST_BYTES } from "@/lib/live/schemas";
import { readJsonRequest } from "@/lib/http/json-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: { params: Promise<{ org: string; sessionId: string }> }) {
  try {
    const { org, sessionId } = await ctx.params;
    const { body } = livePostRequestSchema.parse(await readJsonRequest(request, MAX_LIVE_POST_BYTES));
    const post = await createLivePost(await getDb(), await getActor(), { slug: org }, { sessionId, body });
    return Response.json(post, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
