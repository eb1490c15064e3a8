// PUT /api/o/[org]/responses/[responseId] – save a respondent's partial answers (autosave)
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { saveResponse } from "@/lib/responses/save-response";
import { responsePayloadSchema } from "@/lib/responses/schemas";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, ctx: { params: Promise<{ org: string; responseId: string }> }) {
  try {
    const { org, responseId } = await ctx.params;
    // The path names the response; a different id in the body is overridden, never trusted.
    const payload = responsePayloadSchema.parse({ ...(await request.json().catch(() => ({}))), responseId });
    const result = await saveResponse(await getDb(), await getActor(), { slug: org }, payload, { complete: false });
    return Response.json({ responseId: result.responseId, status: result.status }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
