import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { appendPostEvent, openSse, seedLiveSession } from "./pages/live-stream";

// Two app instances behind one PostgreSQL server (project "instances", only with DATABASE_URL):
// instance A is the one Playwright started; this file starts B on the next port.
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = portA + 1;
const instanceA = `http://localhost:${portA}`;
const instanceB = `http://localhost:${portB}`;

let secondInstance: ChildProcess | undefined;
let sql: postgres.Sql;

async function waitForHealth(base: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await fetch(`${base}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base} did not become healthy`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sql = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
  secondInstance = spawn(process.execPath, [".next/attune-server.cjs"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(portB), HOST: "localhost", AUTH_URL: instanceB, ATTUNE_SEED_DEMO: "false", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(instanceB);
});

test.afterAll(async () => {
  if (secondInstance && secondInstance.exitCode === null) {
    const exited = new Promise((resolve) => secondInstance!.once("exit", resolve));
    secondInstance.kill("SIGTERM");
    await exited;
  }
  await sql?.end();
});

test("a participant answers on instance A and the moderator on instance B sees it; events reach both", async () => {
  const live = await seedLiveSession(sql, 2);
  const [ana, ben] = live.participants;
  const eventsPath = `/api/o/${live.slug}/live/${live.sessionId}/events`;

  const participant = await openSse(`${instanceA}${eventsPath}`, { cookie: live.cookie(ana) });
  const moderator = await openSse(`${instanceB}${eventsPath}`, { cookie: live.cookie(live.moderator) });
  expect(participant.response.headers.get("content-type")).toContain("text/event-stream");
  expect(participant.response.headers.get("cache-control")).toBe("no-store");
  const start = await participant.waitFor((message) => message.event === "snapshot");
  expect(start.data).toMatchObject({ seq: 0, audience: "participant", currentPoll: { pollId: live.pollId, myAnswer: null }, polls: [] });
  await moderator.waitFor((message) => message.event === "snapshot" && (message.data as { audience: string }).audience === "moderator");
  await moderator.waitFor((message) => message.event === "results" && (message.data as { respondents: number }).respondents === 0);

  const answerUrl = (base: string) => `${base}/api/o/${live.slug}/live/${live.sessionId}/polls/${live.pollId}/answer`;
  const answer = (base: string, userId: string, value: unknown) =>
    fetch(answerUrl(base), { method: "POST", headers: { "content-type": "application/json", cookie: live.cookie(userId) }, body: JSON.stringify({ value }) });
  const stored = await answer(instanceA, ana, "c2");
  expect(stored.status).toBe(201);
  expect(await stored.json()).toMatchObject({ stored: true });
  const seen = await moderator.waitFor((message) => message.event === "results" && (message.data as { respondents: number }).respondents === 1);
  expect(seen.data).toMatchObject({ pollId: live.pollId, counts: { c2: 1 } });

  // Answering twice, from either instance, counts nothing; an unknown choice is invalid; no session is 401.
  expect((await answer(instanceB, ana, "c1")).status).toBe(409);
  expect((await answer(instanceB, ben, "c9")).status).toBe(422);
  expect((await fetch(answerUrl(instanceA), { method: "POST", headers: { "content-type": "application/json" }, body: '{"value":"c1"}' })).status).toBe(401);
  const unauthenticated = await fetch(`${instanceB}${eventsPath}`);
  expect(unauthenticated.status).toBe(401);
  expect(unauthenticated.headers.get("content-type")).toContain("application/problem+json");
  // Someone else's session, or one that does not exist, is simply not found.
  const elsewhere = await seedLiveSession(sql, 1);
  expect((await fetch(`${instanceA}/api/o/${elsewhere.slug}/live/${elsewhere.sessionId}/events`, { headers: { cookie: live.cookie(ana) } })).status).toBe(404);
  expect((await fetch(`${instanceA}/api/o/${live.slug}/live/${elsewhere.sessionId}/events`, { headers: { cookie: live.cookie(ana) } })).status).toBe(404);
  const [{ n }] = await sql`select n from live_poll_tallies where poll_id = ${live.pollId} and attribute = '' and bucket = '_all'`;
  expect(n).toBe(1);

  // An event committed once reaches the streams of both instances, the author for moderators only.
  const seq = await appendPostEvent(sql, live.sessionId, ben, "Evenings, please");
  const onA = await participant.waitFor((message) => message.event === "event" && message.id === seq);
  const onB = await moderator.waitFor((message) => message.event === "event" && message.id === seq);
  expect(onA.data).toMatchObject({ kind: "post.created", payload: { body: "Evenings, please" } });
  expect((onA.data as { payload: object }).payload).not.toHaveProperty("author");
  expect(onB.data).toMatchObject({ kind: "post.created", payload: { author: { userId: ben } } });

  // The participant's phone drops and reconnects to the other instance from its last event id.
  participant.close();
  const second = await appendPostEvent(sql, live.sessionId, ben, "Or Saturdays");
  const resumed = await openSse(`${instanceB}${eventsPath}`, { cookie: live.cookie(ana), lastEventId: seq });
  await resumed.waitFor((message) => message.event === "event" && message.id === second);
  const third = await appendPostEvent(sql, live.sessionId, ben, "Thanks");
  await resumed.waitFor((message) => message.event === "event" && message.id === third);
  expect(resumed.messages.map((message) => [message.event, message.id])).toEqual([
    ["event", second],
    ["event", third],
  ]);
  resumed.close();
  moderator.close();
});
