import type { IncomingMessage } from "node:http";

// The dev mailbox shows every sign-in link while no SMTP server is configured: it answers only
// to the machine the server runs on, so a demo reachable over a network does not hand out logins.
const LOCAL_ONLY_PATHS = ["/dev/mailbox"];
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function isRefusedLocalOnlyRequest(request: IncomingMessage): boolean {
  const path = request.url?.split("?")[0] ?? "";
  if (!LOCAL_ONLY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  return !LOOPBACK.has(request.socket.remoteAddress ?? "");
}
