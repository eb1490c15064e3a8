// POST /api/o/[org]/responses/[responseId]/submit – submit a response; retries with the same id count once
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { runQueuedWork } from "@/lib/jobs/run-queued-work";
import { saveResponse } from "@/lib/responses/save-response";
import { responsePayloadSchema } from "@/lib/responses/schemas";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: { params: Promise<{ org: string; responseId: string }> }) {
  try {
    const { org, responseId } = await ctx.params;
    // The path names the response; a different id in the body is overridden, never trusted.
    const payload = responsePayloadSchema.parse({ ...(await request.json().catch(() => ({}))), responseId });
    const db = await getDb();
    const result = await saveResponse(db, await getActor(), { slug: org }, payload, { complete: true, onQueuedWork: () => runQueuedWork(db) });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
