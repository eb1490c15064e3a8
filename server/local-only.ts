import type { IncomingMessage } from "node:http";

// The dev mailbox shows every sign-in link while no SMTP server is configured, and the test clock
// moves time for every scheduled job: both answer only to the machine the server runs on, so a
// demo reachable over a network neither hands out logins nor lets anyone run its schedule ahead.
const LOCAL_ONLY_PATHS = ["/dev/mailbox", "/dev/clock"];
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The path Next will route, however the request spells it: an absolute-form target
 * (`GET http://host/dev/clock`), percent-encoding (`/dev/%63lock`), repeated or trailing slashes
 * and letter case must not slip past the check.
 */
function routedPath(url: string): string {
  let path = url.split(/[?#]/)[0];
  if (!path.startsWith("/")) {
    try {
      path = new URL(url).pathname;
    } catch {
      return path.toLowerCase();
    }
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: compare the raw path, which still names the same route.
  }
  return path.replace(/[\\/]+/g, "/").toLowerCase();
}

export function isRefusedLocalOnlyRequest(request: IncomingMessage): boolean {
  const path = routedPath(request.url ?? "");
  if (!LOCAL_ONLY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  return !LOOPBACK.has(request.socket.remoteAddress ?? "");
}
