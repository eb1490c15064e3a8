// PUT /api/o/[org]/responses/[responseId] – save a respondent's partial answers (autosave).
// The production server answers this path itself (server/hot-routes.ts); `next dev` comes here,
// to the same use case.
import { getDb } from "@/db/client";
import { sessionActorFromCookieHeader } from "@/lib/auth/session-actor";
import { readJsonRequest } from "@/lib/http/json-body";
import { routeError } from "@/lib/http/route-error";
import { captureResponse, MAX_RESPONSE_BODY_BYTES } from "@/lib/responses/capture-response";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, ctx: { params: Promise<{ org: string; responseId: string }> }) {
  try {
    const { org, responseId } = await ctx.params;
    // The path names the response; a different id in the body is overridden, never trusted.
    const body = (await readJsonRequest(request, MAX_RESPONSE_BODY_BYTES)) as Record<string, unknown>;
    const result = await captureResponse(await getDb(), sessionActorFromCookieHeader(request.headers.get("cookie")), { slug: org }, { ...body, responseId }, { complete: false });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
