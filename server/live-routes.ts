import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { routeError } from "@/lib/http/route-error";
import { isUuid } from "@/lib/ids";
import { createLivePost } from "@/lib/live/create-live-post";
import { requireLiveAccess } from "@/lib/live/live-access";
import { getLiveHub, liveAnswerPath } from "@/lib/live/live-streams";
import { readLiveSnapshot } from "@/lib/live/read-live-snapshot";
import { liveAnswerRequestSchema, livePostRequestSchema, MAX_LIVE_ANSWER_BYTES, MAX_LIVE_POST_BYTES } from "@/lib/live/schemas";
import { parseLastEventId, sseRetry } from "@/lib/live/sse-format";
import { submitLiveAnswer } from "@/lib/live/submit-live-answer";
import { readJsonBody, send, sendJson, sessionActorOf } from "./lean-http";

const EVENTS_PATH = /^\/api\/o\/([a-z0-9-]{1,60})\/live\/([^/]+)\/events$/;
const ANSWER_PATH = /^\/api\/o\/([a-z0-9-]{1,60})\/live\/([^/]+)\/polls\/([^/]+)\/answer$/;
const POST_PATH = /^\/api\/o\/([a-z0-9-]{1,60})\/live\/([^/]+)\/posts$/;

// GET /api/o/:org/live/:sessionId/events – the session's Server-Sent Events stream
async function streamEvents(request: IncomingMessage, response: ServerResponse, orgSlug: string, sessionId: string, query: URLSearchParams) {
  try {
    const db = await getDb();
    const access = await requireLiveAccess(db, sessionActorOf(request), { slug: orgSlug }, sessionId);
    const hub = await getLiveHub();
    if (request.destroyed) return;
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
      "X-Content-Type-Options": "nosniff",
      Connection: "keep-alive",
    });
    response.write(sseRetry());
    let client: { drain: () => void; close: () => void } | null = null;
    let isClosed = false;
    response.on("close", () => {
      isClosed = true;
      client?.close();
    });
    client = await hub.connect({
      sessionId: access.session.id,
      audience: access.audience,
      lastEventId: parseLastEventId(request.headers["last-event-id"], query.get("lastEventId")),
      sink: { write: (chunk) => response.write(chunk), end: () => response.end(), buffered: () => response.writableLength },
      readSnapshot: () => readLiveSnapshot(db, access),
    });
    response.on("drain", client.drain);
    if (isClosed) client.close();
  } catch (error) {
    await send(response, routeError(error));
  }
}

// POST /api/o/:org/live/:sessionId/polls/:pollId/answer – a participant's answer to the open poll
async function answerPoll(request: IncomingMessage, response: ServerResponse, orgSlug: string, sessionId: string, pollId: string) {
  try {
    const body = liveAnswerRequestSchema.parse(await readJsonBody(request, MAX_LIVE_ANSWER_BYTES));
    if (!isUuid(sessionId) || !isUuid(pollId)) throw new AppError("NOT_FOUND", "notFound");
    const db = await getDb();
    const result = await submitLiveAnswer(db, sessionActorOf(request), { slug: orgSlug }, { sessionId, pollId, value: body.value }, liveAnswerPath(db));
    sendJson(response, 201, result);
  } catch (error) {
    await send(response, routeError(error));
  }
}

// POST /api/o/:org/live/:sessionId/posts – a participant's message to the session's thread
async function postToThread(request: IncomingMessage, response: ServerResponse, orgSlug: string, sessionId: string) {
  try {
    const { body } = livePostRequestSchema.parse(await readJsonBody(request, MAX_LIVE_POST_BYTES));
    const post = await createLivePost(await getDb(), sessionActorOf(request), { slug: orgSlug }, { sessionId, body });
    sendJson(response, 201, post);
  } catch (error) {
    await send(response, routeError(error));
  }
}

/**
 * Serves a live session's event stream, answers and posts without the Next router: thousands of phones
 * hold a stream open and answer within seconds. Returns false for every other request.
 */
export function handleLiveRoute(request: IncomingMessage, response: ServerResponse): boolean {
  if (!request.url?.startsWith("/api/o/")) return false;
  const [path, search = ""] = request.url.split("?");
  const events = request.method === "GET" ? EVENTS_PATH.exec(path) : null;
  if (events) {
    void streamEvents(request, response, events[1], events[2], new URLSearchParams(search));
    return true;
  }
  const answer = request.method === "POST" ? ANSWER_PATH.exec(path) : null;
  if (answer) {
    void answerPoll(request, response, answer[1], answer[2], answer[3]);
    return true;
  }
  const post = request.method === "POST" ? POST_PATH.exec(path) : null;
  if (post) {
    void postToThread(request, response, post[1], post[2]);
    return true;
  }
  return false;
}
