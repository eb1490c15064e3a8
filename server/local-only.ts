import type { IncomingMessage } from "node:http";

// The dev mailbox shows every sign-in link while no SMTP server is configured, and the test clock
// moves time for every scheduled job: both answer only to the machine the server runs on, so a
// demo reachable over a network neither hands out logins nor lets anyone run its schedule ahead.
const LOCAL_ONLY_PATHS = ["/dev/mailbox", "/dev/clock"];
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function isRefusedLocalOnlyRequest(request: IncomingMessage): boolean {
  const path = request.url?.split("?")[0] ?? "";
  if (!LOCAL_ONLY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  return !LOOPBACK.has(request.socket.remoteAddress ?? "");
}
