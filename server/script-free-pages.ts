import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { withoutScripts } from "@/lib/http/without-scripts";
import { gzippedIfAccepted, isNextRouterRequest } from "./lean-http";

// The pages customers and frontline staff open on their phones: the way in (signing in, an
// invitation, a council's or panel's join link, the erasure receipt), their account's settings and
// organizations and, inside an organization, the portal, a council's page and its session memos,
// the field-report form, "my data" and its erasure form. Everything on them works without
// JavaScript: links, downloads, the language, theme and sign-out forms, and the sign-in, join,
// profile, organization, consent, renewal, leave, report and erasure forms, which are server
// actions Next runs from a plain form post (confirmations are disclosures). So they go out without
// the Next runtime's 150 kB.
const SCRIPT_FREE_PATHS = [
  /^\/(signin(\/check-email|\/error)?|(invite|join)\/[A-Za-z0-9_-]{1,200}|erased|settings|orgs)$/,
  /^\/o\/[a-z0-9-]{1,60}\/(portal(\/councils\/[0-9a-f-]{36}(\/sessions\/[0-9a-f-]{36})?|\/reports)?|my-data(\/erase)?)$/,
];

/**
 * Whether the request is a whole-page load (or a plain form post) of a script-free page: the Next
 * router's own requests (RSC payloads, prefetches, server actions called from script) are not.
 */
function isScriptFreePageRequest(request: IncomingMessage): boolean {
  if ((request.method !== "GET" && request.method !== "POST") || isNextRouterRequest(request)) return false;
  const path = (request.url ?? "").split("?")[0];
  return SCRIPT_FREE_PATHS.some((pattern) => pattern.test(path));
}

/**
 * Lets Next render a script-free page (`next`), then sends its HTML without scripts (compressed
 * here, since a compressed body could not be read). Anything else Next answers there (a redirect
 * after a form post, not found) goes out as Next wrote it. Returns false for every other request.
 */
export function handleScriptFreePage(request: IncomingMessage, response: ServerResponse, next: () => void): boolean {
  if (!isScriptFreePageRequest(request)) return false;
  const acceptEncoding = request.headers["accept-encoding"];
  delete request.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const end = response.end.bind(response);
  const writeHead = response.writeHead.bind(response);
  let isSending = false;
  const asBuffer = (chunk: unknown, encoding: unknown) => (Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  const callbackOf = (...args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");

  // Nothing reaches the socket before the whole page is known: headers stay settable until then.
  response.writeHead = ((statusCode: number, ...rest: Array<string | OutgoingHttpHeaders>) => {
    // Node's own end() writes the head through writeHead: that one goes out.
    if (isSending) return writeHead(statusCode, ...(rest as [OutgoingHttpHeaders]));
    response.statusCode = statusCode;
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) response.setHeader(name, value);
    return response;
  }) as typeof response.writeHead;
  response.flushHeaders = () => undefined;
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    chunks.push(asBuffer(chunk, encoding));
    callbackOf(encoding, callback)?.();
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(asBuffer(chunk, encoding));
    let body: Buffer = Buffer.concat(chunks);
    if (response.statusCode === 200 && String(response.getHeader("content-type") ?? "").startsWith("text/html")) {
      const page = gzippedIfAccepted(acceptEncoding, Buffer.from(withoutScripts(body.toString("utf8"))));
      body = page.body;
      const vary = response.getHeader("vary");
      response.setHeader("Vary", vary ? `${String(vary)}, Accept-Encoding` : "Accept-Encoding");
      if (page.isGzipped) response.setHeader("Content-Encoding", "gzip");
    }
    response.removeHeader("Transfer-Encoding");
    response.setHeader("Content-Length", body.length);
    const done = callbackOf(chunk, encoding, callback);
    isSending = true;
    return done ? end(body, done) : end(body);
  }) as typeof response.end;
  next();
  return true;
}
