// GET /api/o/[org]/live/[sessionId]/events – a live session's event stream (SSE). The custom server
// (server/live-routes.ts) answers this path itself; this handler serves it under `next dev`.
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { requireLiveAccess } from "@/lib/live/live-access";
import { getLiveHub } from "@/lib/live/live-streams";
import { readLiveSnapshot } from "@/lib/live/read-live-snapshot";
import { parseLastEventId, sseRetry } from "@/lib/live/sse-format";

export const dynamic = "force-dynamic";

const HIGH_WATER_BYTES = 64 * 1024;

export async function GET(request: Request, ctx: { params: Promise<{ org: string; sessionId: string }> }) {
  try {
    const { org, sessionId } = await ctx.params;
    const db = await getDb();
    const access = await requireLiveAccess(db, await getActor(), { slug: org }, sessionId);
    const hub = await getLiveHub();
    const encoder = new TextEncoder();
    let client: { drain: () => void; close: () => void } | null = null;
    let isClosed = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          const sink = {
            write: (chunk: string) => {
              if (isClosed) return false;
              controller.enqueue(encoder.encode(chunk));
              return (controller.desiredSize ?? 0) > 0;
            },
            end: () => {
              if (isClosed) return;
              isClosed = true;
              controller.close();
            },
            buffered: () => HIGH_WATER_BYTES - (controller.desiredSize ?? 0),
          };
          sink.write(sseRetry());
          void hub
            .connect({
              sessionId: access.session.id,
              audience: access.audience,
              lastEventId: parseLastEventId(request.headers.get("last-event-id") ?? undefined, new URL(request.url).searchParams.get("lastEventId")),
              sink,
              readSnapshot: () => readLiveSnapshot(db, access),
            })
            .then((handle) => {
              client = handle;
              if (isClosed) handle.close();
            });
        },
        pull: () => client?.drain(),
        cancel: () => {
          isClosed = true;
          client?.close();
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
    );
    return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
  } catch (error) {
    return routeError(error);
  }
}
