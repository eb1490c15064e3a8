// bench/live: N participants hold a live session's event stream open on one Attune instance and
// all vote within ten seconds, while a moderator's stream watches the results; the same load runs
// against a bare node:http SSE server with an in-memory counter, in the same run, on loopback.
// Usage: npm run bench:live  (build first; BENCH_PARTICIPANTS=5000, BENCH_VOTE_SECONDS=10;
// DATABASE_URL defaults to a fresh database on 127.0.0.1:5432)
import { existsSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { cpus, loadavg } from "node:os";
import postgres from "postgres";
import { benchDatabase, exited, log, percentile, sleep, spawnServer, waitForHealth, reportChecks, runBench } from "./harness.mjs";

const database = benchDatabase("live");
const DATABASE_URL = database.url;
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 5000);
const VOTE_SECONDS = Number(process.env.BENCH_VOTE_SECONDS ?? 10);
const CONNECT_TIMEOUT_MS = 30_000;
// Streams still opening: enough to load the server, few enough not to flood the accept queue.
const OPENING_AT_ONCE = 200;
const RUN_LIMIT_MS = 180_000;
const ATTUNE_PORT = 3710;
const BASELINE_PORT = 3711;
const RESULTS_MS = 250;

// ---------------------------------------------------------------------------------------------
// The bare baseline (run as a child process: `node bench/live.mjs --baseline PORT`): an SSE
// endpoint, a vote endpoint counting each voter once in memory, results pushed every 250 ms.
function runBaselineServer(port) {
  const voted = new Set();
  const moderators = new Set();
  let dirty = false;
  const push = () => {
    if (!dirty) return;
    dirty = false;
    const chunk = `event: results\ndata: ${JSON.stringify({ respondents: voted.size })}\n\n`;
    for (const response of moderators) response.write(chunk);
  };
  setInterval(push, RESULTS_MS);
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (request.method === "GET" && url.pathname === "/events") {
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      response.write(`retry: 2000\n\nid: 0\nevent: snapshot\ndata: ${JSON.stringify({ seq: 0, respondents: voted.size })}\n\n`);
      if (url.searchParams.get("role") === "moderator") {
        moderators.add(response);
        response.write(`event: results\ndata: ${JSON.stringify({ respondents: voted.size })}\n\n`);
      }
      response.on("close", () => moderators.delete(response));
      return;
    }
    if (request.method === "POST" && url.pathname === "/answer") {
      const chunks = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", () => {
        const voter = request.headers.cookie ?? "";
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
        if (voted.has(voter)) {
          response.writeHead(409).end();
          return;
        }
        voted.add(voter);
        dirty = true;
        response.writeHead(201, { "Content-Type": "application/json" }).end('{"stored":true}');
      });
      return;
    }
    response.writeHead(404).end();
  });
  server.listen(port, "127.0.0.1");
}

// ---------------------------------------------------------------------------------------------

/** An organization, a panel of N participants with auth sessions, a moderator, a live session with an open poll: bulk SQL. */
async function seed(sql) {
  const [org] = await sql`insert into organizations (slug, name) values ('bench-live', 'Bench Live') returning id`;
  const [panel] = await sql`insert into programs (organization_id, kind, name, starts_on) values (${org.id}, 'panel', 'Bench panel', now()) returning id`;
  await sql`insert into users (id, email, name, locale) values ('bench-moderator', 'moderator@bench.example', 'Moderator', 'en')`;
  await sql`insert into memberships (organization_id, user_id, role) values (${org.id}, 'bench-moderator', 'researcher')`;
  await sql`insert into sessions (session_token, user_id, expires) values ('bench-session-moderator', 'bench-moderator', now() + interval '1 day')`;
  await sql`insert into users (id, email, name, locale) select 'bench-' || i, 'bench' || i || '@bench.example', 'Bench ' || i, (array['en','pl','ru']::locale[])[1 + i % 3] from generate_series(1, ${PARTICIPANTS}) i`;
  await sql`insert into memberships (organization_id, user_id, role, attributes) select ${org.id}, 'bench-' || i, 'participant', jsonb_build_object('region', (array['North','South','Central'])[1 + i % 3]) from generate_series(1, ${PARTICIPANTS}) i`;
  await sql`insert into sessions (session_token, user_id, expires) select 'bench-session-' || i, 'bench-' || i, now() + interval '1 day' from generate_series(1, ${PARTICIPANTS}) i`;
  await sql`insert into program_members (program_id, organization_id, user_id, status, profile)
    select ${panel.id}, ${org.id}, 'bench-' || i, 'active', jsonb_build_object('ageBand', (array['18-34','35-54','55+'])[1 + i % 3]) from generate_series(1, ${PARTICIPANTS}) i`;
  const [session] = await sql`insert into live_sessions (organization_id, program_id, title, default_locale, scheduled_at, status, started_at)
    values (${org.id}, ${panel.id}, 'Bench session', 'en', now(), 'live', now()) returning id`;
  const definition = {
    title: { en: "Which opening hours suit you?" },
    defaultLocale: "en",
    requiredLocales: ["en"],
    questions: [{ id: "answer", type: "single", required: true, prompt: { en: "Which opening hours suit you?" }, choices: ["Mornings", "Lunchtime", "Evenings"].map((label, i) => ({ id: `c${i + 1}`, label: { en: label } })) }],
  };
  const [poll] = await sql`insert into live_polls (session_id, organization_id, position, kind, definition, status, opened_at) values (${session.id}, ${org.id}, 1, 'single', ${sql.json(definition)}, 'open', now()) returning id`;
  await sql`update live_sessions set current_poll_id = ${poll.id} where id = ${session.id}`;
  return { sessionId: session.id, pollId: poll.id };
}

/** Samples a process's resident memory (VmRSS) until stopped; returns the maximum in MiB. */
function sampleRss(pid) {
  let max = 0;
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      max = Math.max(max, kb / 1024);
    } catch {}
  }, 100);
  return () => {
    clearInterval(timer);
    return max;
  };
}

/** One SSE stream over its own connection; resolves when the first message (the snapshot) arrives. */
function openStream(port, path, cookie, onMessage) {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(result);
      }
    };
    const request = httpRequest({ host: "127.0.0.1", port, path, agent: false, headers: { accept: "text/event-stream", cookie } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        done({ ok: false, request });
        return;
      }
      response.setEncoding("utf8");
      let text = "";
      response.on("data", (chunk) => {
        text += chunk;
        let end;
        while ((end = text.indexOf("\n\n")) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (!event) continue;
          if (event === "snapshot") done({ ok: true, request });
          if (onMessage) onMessage(event, /^data: (.*)$/m.exec(block)?.[1]);
        }
      });
      response.on("error", () => done({ ok: false, request }));
    });
    const timer = setTimeout(() => {
      request.destroy();
      done({ ok: false, request });
    }, CONNECT_TIMEOUT_MS);
    request.on("error", () => done({ ok: false, request }));
    request.end();
  });
}

function post(port, path, cookie, body) {
  return new Promise((resolve) => {
    const request = httpRequest({ host: "127.0.0.1", port, path, method: "POST", agent: false, headers: { "content-type": "application/json", cookie } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.setTimeout(30_000, () => request.destroy());
    request.on("error", () => resolve(0));
    request.end(JSON.stringify(body));
  });
}


/**
 * The same load on either server: open the moderator's stream and N participants' streams, then
 * N votes spread evenly over VOTE_SECONDS. Vote i is "viewed" when the moderator first receives
 * results whose respondents reach k, where k is i's rank among the acknowledged votes (so every
 * vote acknowledged before it is counted too); latency runs from sending vote i to that moment.
 */
async function drive(name, { port, eventsPath, answerPath, cookieOf, moderatorCookie, pid }) {
  const stopRss = sampleRss(pid);
  const deadline = Date.now() + RUN_LIMIT_MS;
  const views = [];
  const moderator = await openStream(port, eventsPath(true), moderatorCookie, (event, data) => {
    if (event === "results") views.push({ at: performance.now(), respondents: JSON.parse(data).respondents });
  });
  if (!moderator.ok) throw new Error(`${name}: the moderator's stream did not open`);

  log(`${name}: opening ${PARTICIPANTS} participant streams…`);
  const connectStarted = performance.now();
  const streams = [];
  let next = 0;
  let opened = 0;
  await Promise.all(
    Array.from({ length: OPENING_AT_ONCE }, async () => {
      while (next < PARTICIPANTS && Date.now() < deadline) {
        const i = (next += 1);
        const stream = await openStream(port, eventsPath(false), cookieOf(i));
        streams.push(stream);
        if (stream.ok) opened += 1;
      }
    }),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;

  log(`${name}: ${opened} streams open in ${connectSeconds.toFixed(1)} s; ${PARTICIPANTS} votes over ${VOTE_SECONDS} s…`);
  const votes = [];
  const voteStarted = performance.now();
  const pending = [];
  for (let i = 1; i <= PARTICIPANTS; i++) {
    const due = voteStarted + ((i - 1) * VOTE_SECONDS * 1000) / PARTICIPANTS;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const vote = { sentAt: performance.now(), ackAt: 0, status: 0 };
    votes.push(vote);
    pending.push(
      post(port, answerPath, cookieOf(i), { value: `c${1 + (i % 3)}` }).then((status) => {
        vote.status = status;
        vote.ackAt = performance.now();
      }),
    );
  }
  await Promise.all(pending);
  const voteSeconds = (performance.now() - voteStarted) / 1000;
  const accepted = votes.filter((vote) => vote.status === 201).length;
  const statuses = {};
  for (const vote of votes) statuses[vote.status] = (statuses[vote.status] ?? 0) + 1;
  log(`${name}: vote statuses ${JSON.stringify(statuses)} (0 = no response)`);
  // Wait (bounded) for the moderator to see every accepted vote.
  for (let i = 0; i < 100 && (views.at(-1)?.respondents ?? 0) < accepted; i++) await sleep(100);

  const acked = votes.filter((vote) => vote.status === 201).sort((a, b) => a.ackAt - b.ackAt);
  const latencies = [];
  let unseen = 0;
  acked.forEach((vote, index) => {
    const view = views.find((candidate) => candidate.at >= vote.sentAt && candidate.respondents >= index + 1);
    if (view) latencies.push(view.at - vote.sentAt);
    else unseen += 1;
  });
  latencies.sort((a, b) => a - b);
  const acks = acked.map((vote) => vote.ackAt - vote.sentAt).sort((a, b) => a - b);
  const rssMiB = stopRss();
  for (const stream of streams) stream.request.destroy();
  moderator.request.destroy();
  return {
    name,
    opened,
    connectSeconds,
    accepted,
    rejected: votes.length - accepted,
    voteSeconds,
    unseen,
    lastSeen: views.at(-1)?.respondents ?? 0,
    ackP95: percentile(acks, 95),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rssMiB,
  };
}

async function main() {
  if (process.argv[2] === "--baseline") return runBaselineServer(Number(process.argv[3]));
  if (!existsSync(".next/attune-server.cjs")) throw new Error("build first: npm run build");
  await database.create();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.data/prof", profiles the server under load.
  const attune = spawnServer([...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ".next/attune-server.cjs"], {
    NODE_ENV: "production",
    DATABASE_URL,
    PORT: String(ATTUNE_PORT),
    HOST: "127.0.0.1",
    ATTUNE_SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    ATTUNE_LIVE_RESULTS_MS: String(RESULTS_MS),
  });
  const baseline = spawnServer(["bench/live.mjs", "--baseline", String(BASELINE_PORT)], {});
  const sql = postgres(DATABASE_URL, { max: 4, onnotice: () => {} });
  const overall = setTimeout(() => {
    log("overall time limit reached");
    process.exit(2);
  }, RUN_LIMIT_MS * 3);
  try {
    await Promise.all([waitForHealth(ATTUNE_PORT), waitForHealth(BASELINE_PORT, "/")]);
    log(`seeding ${PARTICIPANTS} participants…`);
    const { sessionId, pollId } = await seed(sql);

    const bare = await drive("bare node:http SSE", {
      port: BASELINE_PORT,
      eventsPath: (isModerator) => `/events${isModerator ? "?role=moderator" : ""}`,
      answerPath: "/answer",
      cookieOf: (i) => `voter=${i}`,
      moderatorCookie: "voter=moderator",
      pid: baseline.pid,
    });
    const result = await drive("attune (lean path)", {
      port: ATTUNE_PORT,
      eventsPath: () => `/api/o/bench-live/live/${sessionId}/events`,
      answerPath: `/api/o/bench-live/live/${sessionId}/polls/${pollId}/answer`,
      cookieOf: (i) => `authjs.session-token=bench-session-${i}`,
      moderatorCookie: "authjs.session-token=bench-session-moderator",
      pid: attune.pid,
    });
    const [{ answers }] = await sql`select count(*)::int as answers from live_answers where poll_id = ${pollId}`;
    const [{ tallied }] = await sql`select coalesce(sum(n), 0)::int as tallied from live_poll_tallies where poll_id = ${pollId} and attribute = '' and bucket = '_all'`;
    const [{ distinctVoters }] = await sql`select count(distinct user_id)::int as "distinctVoters" from live_answers where poll_id = ${pollId}`;

    const ms = (value) => (Number.isNaN(value) ? "—" : value.toFixed(0)).padStart(6);
    const row = (r, counted) =>
      `| ${r.name.padEnd(20)} | ${`${r.opened}/${PARTICIPANTS}`.padStart(12)} | ${r.connectSeconds.toFixed(1).padStart(7)} | ${String(r.accepted).padStart(9)} | ${String(counted).padStart(9)} | ${r.voteSeconds.toFixed(1).padStart(6)} | ${ms(r.ackP95).padStart(7)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rssMiB.toFixed(0).padStart(7)} |`;
    console.log(`\nbench/live — ${PARTICIPANTS} participants' SSE streams + 1 moderator stream, ${PARTICIPANTS} votes spread over ${VOTE_SECONDS} s, loopback, results every ${RESULTS_MS} ms, PostgreSQL server`);
    console.log(`machine: ${cpus().length} cores, load average at the end ${loadavg().map((n) => n.toFixed(1)).join(" / ")} (1 / 5 / 15 min)\n`);
    console.log("| server               | streams open | open s  | votes 201 | counted   | vote s | ack p95 | p50 ms | p95 ms | p99 ms | RSS MiB |");
    console.log("| -------------------- | ------------ | ------- | --------- | --------- | ------ | ------- | ------ | ------ | ------ | ------- |");
    console.log(row(bare, `${bare.lastSeen} mem`));
    console.log(row(result, `${tallied} db`));
    console.log(
      "\nvote → view: vote i, the k-th to be acknowledged, is viewed when the moderator's stream first delivers results with respondents ≥ k after i was sent; latency = that moment − send time of i. RSS: max VmRSS of the server process, sampled every 100 ms.",
    );
    const checks = [
      [`streams open ${result.opened}/${PARTICIPANTS}`, result.opened === PARTICIPANTS],
      [`votes accepted ${result.accepted}/${PARTICIPANTS}`, result.accepted === PARTICIPANTS],
      [`counted once: answers ${answers}, distinct voters ${distinctVoters}, tally ${tallied} (all = ${PARTICIPANTS})`, answers === PARTICIPANTS && distinctVoters === PARTICIPANTS && tallied === PARTICIPANTS],
      [`moderator saw ${result.lastSeen} respondents; votes never seen ${result.unseen}`, result.lastSeen === PARTICIPANTS && result.unseen === 0],
      [`p95 vote→view ${result.p95.toFixed(0)} ms (target < 500 ms)`, result.p95 < 500],
      [`server memory ${result.rssMiB.toFixed(0)} MiB (target < 1024 MiB)`, result.rssMiB < 1024],
    ];
    reportChecks(checks);
  } finally {
    clearTimeout(overall);
    baseline.kill("SIGTERM");
    attune.kill("SIGTERM");
    await sql.end();
    await exited(attune);
    await database.drop();
  }
}

runBench(main);
