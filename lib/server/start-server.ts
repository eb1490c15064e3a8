import { closeDatabase, getDatabase } from "@/db/client";
import { DEMO_LOGINS, seedDemo } from "@/db/seed/demo";
import { env, isDevMailboxEnabled } from "@/lib/env";
import { startJobWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/log";
import { redactConsoleErrors } from "@/lib/log-redaction";

const globalForServer = globalThis as typeof globalThis & { __attuneShutdownHooked?: boolean; __attuneStarted?: Promise<void>; __attuneStopWorker?: () => Promise<void> };

/** Opens and migrates the database, seeds the demo; `handleSignals` is off when a custom server owns shutdown. */
export function startServer(options: { handleSignals?: boolean } = {}): Promise<void> {
  // The custom server and Next's instrumentation both call this; the work happens once per process.
  globalForServer.__attuneStarted ??= start(options);
  return globalForServer.__attuneStarted;
}

async function start({ handleSignals = true }: { handleSignals?: boolean }) {
  redactConsoleErrors();
  let database;
  try {
    database = await getDatabase();
  } catch (error) {
    // A server that cannot migrate must not pretend to be ready (see STACK.md pitfall 5).
    log.fatal({ event: "startup.failed", err: error }, "database start-up failed");
    process.exit(1);
  }
  log.info({ event: "startup.database", kind: database.kind }, "database ready and migrated");

  if (env.ATTUNE_SEED_DEMO) {
    const { created } = await seedDemo(database.db);
    if (created) log.info({ event: "startup.seeded" }, "demo organization seeded");
  }
  const worker = startJobWorker(database.db, env.ATTUNE_JOB_POLL_MS);
  globalForServer.__attuneStopWorker = worker.stop;
  printWelcome();
  if (handleSignals) hookShutdown();
}

function printWelcome() {
  const base = env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const lines = [
    "",
    `  Attune is running at ${base}`,
    `  Sign in with one of the demo accounts (${DEMO_LOGINS.map((login) => `${login.role}: ${login.email}`).join(", ")}).`,
    isDevMailboxEnabled ? `  No SMTP_URL is set: sign-in links appear at ${base}/dev/mailbox and in this log.` : "  Sign-in links are sent through SMTP_URL.",
    "",
  ];
  console.log(lines.join("\n"));
}

function hookShutdown() {
  if (globalForServer.__attuneShutdownHooked) return;
  globalForServer.__attuneShutdownHooked = true;
  const shutdown = async (signal: string) => {
    log.info({ event: "shutdown", signal }, "shutting down");
    await globalForServer.__attuneStopWorker?.().catch((error: unknown) => log.error({ err: error }, "job worker stop failed"));
    await closeDatabase().catch((error: unknown) => log.error({ err: error }, "database close failed"));
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
