// POST /api/o/[org]/responses/[responseId]/submit – submit a response; retries with the same id count once.
// The production server answers this path itself (server/hot-routes.ts); `next dev` comes here,
// to the same use case.
import { getDb } from "@/db/client";
import { sessionActorFromCookieHeader } from "@/lib/auth/session-actor";
import { readJsonRequest } from "@/lib/http/json-body";
import { routeError } from "@/lib/http/route-error";
import { runQueuedWork } from "@/lib/jobs/run-queued-work";
import { captureResponse, MAX_RESPONSE_BODY_BYTES } from "@/lib/responses/capture-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: { params: Promise<{ org: string; responseId: string }> }) {
  try {
    const { org, responseId } = await ctx.params;
    // The path names the response; a different id in the body is overridden, never trusted.
    const body = (await readJsonRequest(request, MAX_RESPONSE_BODY_BYTES)) as Record<string, unknown>;
    const db = await getDb();
    const result = await captureResponse(db, sessionActorFromCookieHeader(request.headers.get("cookie")), { slug: org }, { ...body, responseId }, { complete: true, onQueuedWork: () => runQueuedWork(db) });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
