/** Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html). */

/** One message; JSON has no raw newlines, so the data fits one `data:` line. */
export function sseMessage(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** How long the browser waits before reconnecting after a dropped stream. */
export const SSE_RETRY_MS = 2000;
export const sseRetry = (ms = SSE_RETRY_MS) => `retry: ${ms}\n\n`;
/** A comment line: keeps proxies and idle timers from closing a quiet stream. */
export const SSE_HEARTBEAT = ": ping\n\n";

/** The resume point a reconnecting client sends: the Last-Event-ID header, else `?lastEventId=`. */
export function parseLastEventId(header: string | string[] | undefined, query: string | null): number | null {
  const raw = (Array.isArray(header) ? header[0] : header) ?? query ?? "";
  return /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}
