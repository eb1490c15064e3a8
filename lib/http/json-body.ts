import { AppError } from "@/lib/errors";

/**
 * The JSON bodies browsers send to Attune's own endpoints (answers, live posts and votes). They
 * must say application/json: another site's form can only send text/plain or form encodings, and
 * its script cannot send JSON here without the CORS preflight this site never grants.
 */
export function requireJsonContentType(contentType: string | null | undefined): void {
  if (!isJsonContentType(contentType)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "jsonRequired");
}

/** application/json, with or without parameters, or a JSON-based type (application/problem+json). */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  return /^application\/(.+\+)?json\b/i.test(contentType ?? "");
}

/** A body already read (and held within its limit) as JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "jsonInvalid");
  }
}

/** A web Request's JSON body (Next route handlers), read no further than `limit` bytes. */
export async function readJsonRequest(request: Request, limit: number): Promise<unknown> {
  requireJsonContentType(request.headers.get("content-type"));
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new AppError("TOO_LARGE", "bodyTooLarge");
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader!.cancel();
      throw new AppError("TOO_LARGE", "bodyTooLarge");
    }
    chunks.push(chunk.value);
  }
  return parseJsonText(Buffer.concat(chunks).toString("utf8"));
}
