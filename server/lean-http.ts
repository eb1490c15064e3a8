import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { sessionActorFromCookieHeader } from "@/lib/auth/session-actor";
import type { SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { parseJsonText, requireJsonContentType } from "@/lib/http/json-body";

/**
 * The request body as text, refused (413) past `limit` bytes. The rest of a body that is too
 * large is discarded, and `send` closes the connection after answering.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > limit) {
      request.resume();
      reject(new AppError("TOO_LARGE", "bodyTooLarge"));
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", collect);
      request.resume();
      reject(new AppError("TOO_LARGE", "bodyTooLarge"));
    };
    request.on("data", collect);
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** A JSON body sent by the app's own pages (lib/http/json-body.ts), at most `limit` bytes. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  requireJsonContentType(request.headers["content-type"]);
  return parseJsonText(await readBody(request, limit));
}

/** Writes a web Response (e.g. a problem from routeError) to a node response, unless one was already started. */
export async function send(response: ServerResponse, result: Response) {
  if (response.headersSent) return;
  // A body refused as too large may still be arriving: the connection ends with the answer.
  const closing: Record<string, string> = result.status === 413 ? { Connection: "close" } : {};
  response.writeHead(result.status, { ...Object.fromEntries(result.headers), "X-Content-Type-Options": "nosniff", ...closing });
  response.end(await result.text());
}

/**
 * Answers with JSON, written directly: a web Response per request (as `send` takes) costs more
 * than the rest of a capture or live request.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" }).end(JSON.stringify(body));
}

/** The signed-in user as known by their session cookie, checked by the use case's own query. */
export function sessionActorOf(request: IncomingMessage): SessionActor | null {
  return sessionActorFromCookieHeader(request.headers.cookie);
}

/**
 * A request from a loaded Next runtime (an RSC payload, a prefetch, a server action called from
 * script): Next answers those, even at the addresses of pages the lean server sends itself.
 */
export function isNextRouterRequest(request: IncomingMessage): boolean {
  return Boolean(request.headers.rsc || request.headers["next-router-prefetch"] || request.headers["next-action"] || request.url?.includes("_rsc="));
}

/** A page's body gzipped when the client accepts it, as Next sends its own pages. */
export function gzippedIfAccepted(acceptEncoding: string | string[] | undefined, body: Buffer): { body: Buffer; isGzipped: boolean } {
  const isGzipped = /\bgzip\b/.test(String(acceptEncoding ?? ""));
  return { body: isGzipped ? gzipSync(body) : body, isGzipped };
}

/**
 * Whether a form post comes from a page of this site (its Origin, or Referer, names the host it
 * was sent to), as Next checks for server actions: another site cannot post a person's forms.
 */
export function isSameOriginPost(request: IncomingMessage): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  const host = request.headers["x-forwarded-host"] ?? request.headers.host;
  if (!source || !host) return false;
  try {
    return new URL(source).host === String(host).split(",")[0].trim();
  } catch {
    return false;
  }
}
