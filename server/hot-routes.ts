import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-actor";
import { routeError } from "@/lib/http/route-error";
import { AppError } from "@/lib/errors";
import { runQueuedWork } from "@/lib/jobs/run-queued-work";
import { saveResponse } from "@/lib/responses/save-response";
import { responsePayloadSchema } from "@/lib/responses/schemas";

const MAX_BODY = 256 * 1024;
// The response capture endpoints, the one place many phones write at once.
const RESPONSE_PATH = /^\/api\/o\/([a-z0-9-]{1,60})\/responses\/([0-9a-f-]{36})(\/submit)?$/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new AppError("INVALID", "answersInvalid"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function send(response: ServerResponse, result: Response) {
  response.writeHead(result.status, { ...Object.fromEntries(result.headers), "X-Content-Type-Options": "nosniff" });
  response.end(await result.text());
}

/**
 * Serves PUT /api/o/:org/responses/:id (save partial answers) and POST …/:id/submit without the
 * Next router, through the same zod schema, session table and saveResponse use case as the
 * route handlers. Returns false for every other request.
 */
export function handleHotRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const match = request.url ? RESPONSE_PATH.exec(request.url.split("?")[0]) : null;
  if (!match) return false;
  const [, orgSlug, responseId, submit] = match;
  const isSubmit = Boolean(submit);
  if (request.method !== (isSubmit ? "POST" : "PUT")) return false;
  void (async () => {
    try {
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      const payload = responsePayloadSchema.parse({ ...body, responseId });
      const sessionToken = sessionTokenFromCookieHeader(request.headers.cookie);
      const actor = sessionToken ? { sessionToken } : null;
      const db = await getDb();
      const result = await saveResponse(db, actor, { slug: orgSlug }, payload, { complete: isSubmit, onQueuedWork: () => runQueuedWork(db) });
      await send(response, Response.json(result, { headers: { "Cache-Control": "no-store" } }));
    } catch (error) {
      await send(response, error instanceof SyntaxError ? routeError(new AppError("INVALID", "answersInvalid")) : routeError(error));
    }
  })();
  return true;
}
