// GET /api/o/:org/live/:sessionId/export?format=csv|xlsx|json&part=answers|thread – a live session's answers, thread, or all of it
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { exportLiveSession, liveExportSchema } from "@/lib/live/export-live-session";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ org: string; sessionId: string }> }) {
  try {
    const { org, sessionId } = await params;
    const searchParams = new URL(request.url).searchParams;
    const input = liveExportSchema.parse({ format: searchParams.get("format") ?? undefined, part: searchParams.get("part") ?? undefined });
    const { filename, contentType, body } = await exportLiveSession(await getDb(), await getActor(), { slug: org }, sessionId, input);
    return new Response(body, {
      headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return routeError(error);
  }
}
