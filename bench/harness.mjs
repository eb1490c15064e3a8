// What every bench needs around its measurement: a fresh database on the PostgreSQL server, child
// servers, waiting for them, percentiles. Each bench keeps its own load and table.
import { spawn } from "node:child_process";
import postgres from "postgres";

export const log = (message) => process.stderr.write(`${message}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

/**
 * The bench's database: DATABASE_URL when set (left as it is), otherwise a database of its own on
 * BENCH_SERVER_URL (127.0.0.1:5432), created fresh and dropped at the end.
 */
export function benchDatabase(label) {
  const server = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432";
  const name = `attune_bench_${label}_${process.pid}`;
  const isOwn = !process.env.DATABASE_URL;
  const onServer = async (statements) => {
    const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
    try {
      for (const statement of statements) await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
  };
  return {
    url: process.env.DATABASE_URL ?? `${server}/${name}`,
    create: () => (isOwn ? onServer([`drop database if exists ${name}`, `create database ${name}`]) : Promise.resolve()),
    drop: () => (isOwn ? onServer([`drop database if exists ${name} with (force)`]) : Promise.resolve()),
  };
}

/**
 * A node child process (the built app or a bare baseline) with extra environment; its errors reach
 * this terminal. It goes when the bench goes, even on a crash, so no server is left on a bench port.
 */
export function spawnServer(args, env) {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under the bench's load.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  process.once("exit", () => child.kill("SIGTERM"));
  return child;
}

/** Resolves once the server on the port answers below 500 (the app's /api/health says 503 until migrated). */
export async function waitForHealth(port, pathname = "/api/health") {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {}
    await sleep(500);
  }
  throw new Error(`server on ${port} did not become healthy`);
}

/** Waits for a child process to be gone, so its connections no longer hold the database. */
export async function exited(child) {
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once("exit", resolve));
}

/** Prints each check as PASS or MISS under the table, and fails the run when one misses. */
export function reportChecks(checks) {
  console.log("");
  for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "MISS"}  ${label}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

/** Runs a bench's main; a crash prints its error and fails the run. */
export function runBench(main) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
