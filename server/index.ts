// One process, one port: response capture, live sessions (streams, answers, posts), the respondent's form page and
// a participant's live session page are served by lean handlers, the participant pages that need no JavaScript by
// Next without its scripts, everything else by Next's request handler (see ARCHITECTURE.md).
import { createServer } from "node:http";
import next from "next";
import { closeDatabase } from "@/db/client";
import { log } from "@/lib/log";
import { startServer } from "@/lib/server/start-server";
import { closeLiveStreams } from "@/lib/live/live-streams";
import { handleHotRoute } from "./hot-routes";
import { handleLeanPage } from "./lean-pages";
import { handleLiveRoute } from "./live-routes";
import { handleScriptFreePage } from "./script-free-pages";
import { isRefusedLocalOnlyRequest } from "./local-only";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  await startServer({ handleSignals: false });
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    if (isRefusedLocalOnlyRequest(request)) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const toNext = () => void handle(request, response);
    if (handleHotRoute(request, response) || handleLiveRoute(request, response) || handleLeanPage(request, response, toNext) || handleScriptFreePage(request, response, toNext)) return;
    void handle(request, response);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => log.info({ event: "startup.listening", port }, "listening"));

  let isStopping = false;
  const shutdown = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ event: "shutdown", signal }, "shutting down: finishing open requests");
    server.close(() => {
      void closeDatabase().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Live streams never finish by themselves: end them, and their browsers reconnect elsewhere.
    void closeLiveStreams();
    // Requests still open after ten seconds are abandoned rather than blocking the shutdown.
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log.fatal({ event: "startup.failed", err: error }, "server failed to start");
  process.exit(1);
});
