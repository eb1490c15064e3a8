import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { routeError } from "@/lib/http/route-error";
import { runQueuedWork } from "@/lib/jobs/run-queued-work";
import { captureResponse, groupedResponseCapture, MAX_RESPONSE_BODY_BYTES, type ResponseCapture } from "@/lib/responses/capture-response";
import { readJsonBody, send, sendJson, sessionActorOf } from "./lean-http";

// The response capture endpoints, the one place many phones write at once. Any id of a uuid's
// length is answered here (with the body limit) rather than by Next; the use case refuses one that is not a uuid.
const RESPONSE_PATH = /^\/api\/o\/([a-z0-9-]{1,60})\/responses\/([0-9a-fA-F-]{36})(\/submit)?$/;
// The process's one database, read and written by batches of the submissions arriving together.
let capture: ResponseCapture | null = null;

/**
 * Serves PUT /api/o/:org/responses/:id (save partial answers) and POST …/:id/submit without the
 * Next router, through the same zod schema, session table and save use case as the route
 * handlers (captureResponse adds the rate limit). Returns false for every other request.
 */
export function handleHotRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const match = request.url ? RESPONSE_PATH.exec(request.url.split("?")[0]) : null;
  if (!match) return false;
  const [, orgSlug, responseId, submit] = match;
  const isSubmit = Boolean(submit);
  if (request.method !== (isSubmit ? "POST" : "PUT")) return false;
  void (async () => {
    try {
      const body = (await readJsonBody(request, MAX_RESPONSE_BODY_BYTES)) as Record<string, unknown>;
      const db = await getDb();
      capture ??= groupedResponseCapture(db);
      // The path names the response; a different id in the body is overridden, never trusted.
      const result = await captureResponse(db, sessionActorOf(request), { slug: orgSlug }, { ...body, responseId }, { complete: isSubmit, capture, onQueuedWork: () => runQueuedWork(db) });
      sendJson(response, 200, result);
    } catch (error) {
      await send(response, routeError(error));
    }
  })();
  return true;
}
