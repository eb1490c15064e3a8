// bench/ingest: response submission throughput of Attune's lean capture path against a bare
// node:http + postgres.js server inserting the same rows, measured in the same run on loopback.
// Usage: npm run bench:ingest  (DATABASE_URL defaults to a fresh database on 127.0.0.1:5432)
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import autocannon from "autocannon";
import postgres from "postgres";
import { benchDatabase, exited, log, spawnServer, waitForHealth, reportChecks, runBench } from "./harness.mjs";

const database = benchDatabase("ingest");
const DATABASE_URL = database.url;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Each server first takes two seconds of the same load on an instrument of its own, so that the
// measured run starts with warm connections (statements prepared) and a warm JIT, as in production.
const WARMUP_SECONDS = 2;
const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 120_000);
const ATTUNE_PORT = 3700;
const BASELINE_PORT = 3701;

const definition = {
  title: { en: "Bench", pl: "Bench", ru: "Bench" },
  defaultLocale: "en",
  requiredLocales: ["en"],
  questions: [
    { id: "nps", type: "scale", code: "NPS", min: 0, max: 10, required: true, prompt: { en: "Recommend?" } },
    { id: "csat", type: "likert", code: "CSAT", points: 5, labels: [1, 2, 3, 4, 5].map((n) => ({ en: String(n) })), required: true, prompt: { en: "Satisfied?" } },
    { id: "why", type: "text", multiline: true, maxLength: 1000, required: false, prompt: { en: "Why?" } },
  ],
};
const answers = { nps: 9, csat: 4, why: "The staff took time to understand what I needed and it showed. ".repeat(4).trim() };

function startAttune() {
  return spawnServer([".next/attune-server.cjs"], { NODE_ENV: "production", DATABASE_URL, PORT: String(ATTUNE_PORT), HOST: "127.0.0.1", ATTUNE_SEED_DEMO: "false", LOG_LEVEL: "warn" });
}

/** An organization, an open instrument per server, and respondents with sessions, in bulk SQL. */
async function seed(sql) {
  const [org] = await sql`insert into organizations (slug, name) values ('bench', 'Bench Org') returning id`;
  const instruments = {};
  for (const name of ["attune", "baseline", "attune-warmup", "baseline-warmup"]) {
    const [instrument] = await sql`insert into instruments (organization_id, name, draft, latest_version, has_unpublished_changes, is_open, audience)
      values (${org.id}, ${name}, ${sql.json(definition)}, 1, false, true, '{participant}') returning id`;
    const [version] = await sql`insert into instrument_versions (organization_id, instrument_id, version, definition) values (${org.id}, ${instrument.id}, 1, ${sql.json(definition)}) returning id`;
    instruments[name] = { id: instrument.id, versionId: version.id };
  }
  await sql`insert into users (id, email, name) select 'bench-' || i, 'bench' || i || '@bench.example', 'Bench ' || i from generate_series(1, ${RESPONDENTS}) i`;
  await sql`insert into memberships (organization_id, user_id, role, attributes) select ${org.id}, 'bench-' || i, 'participant', jsonb_build_object('region', (array['North','South','Central'])[1 + i % 3]) from generate_series(1, ${RESPONDENTS}) i`;
  await sql`insert into sessions (session_token, user_id, expires) select 'bench-session-' || i, 'bench-' || i, now() + interval '1 day' from generate_series(1, ${RESPONDENTS}) i`;
  return { orgId: org.id, instruments };
}

/** The bare baseline: parse, insert the response row and its typed answer rows in one transaction. */
function startBaseline(sql, orgId, instruments) {
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const id = request.url.split("/")[5];
        const instrument = instruments[body.instrumentId];
        const now = new Date();
        await sql.begin(async (tx) => {
          await tx`insert into responses (id, organization_id, instrument_id, instrument_version_id, status, locale, answers, submitted_at)
            values (${id}, ${orgId}, ${instrument.id}, ${instrument.versionId}, 'completed', ${body.locale}, ${tx.json(body.answers)}, ${now})`;
          await tx`insert into response_answers (response_id, organization_id, instrument_id, question_id, item_code, numeric_value, scaled_value, text_value, submitted_at) values
            (${id}, ${orgId}, ${instrument.id}, 'nps', 'NPS', ${body.answers.nps}, ${body.answers.nps / 10}, null, ${now}),
            (${id}, ${orgId}, ${instrument.id}, 'csat', 'CSAT', ${body.answers.csat}, ${(body.answers.csat - 1) / 4}, null, ${now}),
            (${id}, ${orgId}, ${instrument.id}, 'why', null, null, null, ${body.answers.why}, ${now})`;
        });
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ responseId: id, status: "completed" }));
      } catch (error) {
        response.writeHead(500);
        response.end(String(error));
      }
    });
  });
  return new Promise((resolve) => server.listen(BASELINE_PORT, "127.0.0.1", () => resolve(server)));
}

function drive(port, instrumentId, duration = DURATION) {
  let respondent = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              respondent += 1;
              if (respondent > RESPONDENTS) throw new Error("not enough seeded respondents for this run; raise BENCH_RESPONDENTS");
              return {
                ...request,
                path: `/api/o/bench/responses/${randomUUID()}/submit`,
                headers: { "content-type": "application/json", cookie: `authjs.session-token=bench-session-${respondent}` },
                body: JSON.stringify({ instrumentId, locale: "en", answers }),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    process.once("SIGINT", () => instance.stop());
  });
}

async function main() {
  if (!existsSync(".next/attune-server.cjs")) throw new Error("build first: npm run build");
  await database.create();
  const attune = startAttune();
  let baselineServer;
  const sql = postgres(DATABASE_URL, { max: 10, onnotice: () => {} });
  try {
    await waitForHealth(ATTUNE_PORT);
    log(`seeding ${RESPONDENTS} respondents…`);
    const { orgId, instruments } = await seed(sql);
    const baselineInstruments = Object.fromEntries([instruments.baseline, instruments["baseline-warmup"]].map((instrument) => [instrument.id, instrument]));
    baselineServer = await startBaseline(sql, orgId, baselineInstruments);

    log(`warming up both for ${WARMUP_SECONDS}s…`);
    await drive(BASELINE_PORT, instruments["baseline-warmup"].id, WARMUP_SECONDS);
    await drive(ATTUNE_PORT, instruments["attune-warmup"].id, WARMUP_SECONDS);
    log(`baseline: ${CONNECTIONS} connections for ${DURATION}s…`);
    const baseline = await drive(BASELINE_PORT, instruments.baseline.id);
    log(`attune: ${CONNECTIONS} connections for ${DURATION}s…`);
    const result = await drive(ATTUNE_PORT, instruments.attune.id);

    const count = async (instrumentId) => Number((await sql`select count(*)::int as n from responses where instrument_id = ${instrumentId} and status = 'completed'`)[0].n);
    const rows = { baseline: await count(instruments.baseline.id), attune: await count(instruments.attune.id) };
    const line = (name, r, stored) => `| ${name.padEnd(22)} | ${r.requests.average.toFixed(0).padStart(7)} | ${String(r.latency.p50).padStart(7)} | ${String(r.latency.p99).padStart(7)} | ${String(r["2xx"]).padStart(7)} | ${String(r.non2xx + r.errors).padStart(6)} | ${String(stored).padStart(7)} |`;
    console.log(`\nbench/ingest — POST a ${JSON.stringify({ answers }).length}-byte submission, ${CONNECTIONS} connections, ${DURATION}s, PostgreSQL server\n`);
    console.log("| server                 |   req/s | p50 ms  | p99 ms  |     2xx | errors |  stored |");
    console.log("| ---------------------- | ------- | ------- | ------- | ------- | ------ | ------- |");
    console.log(line("bare node:http+postgres", baseline, rows.baseline));
    console.log(line("attune (lean path)", result, rows.attune));
    const ratio = result.requests.average / baseline.requests.average;
    const checks = [
      [`throughput ratio ${(ratio * 100).toFixed(0)}% (target ≥ 50%)`, ratio >= 0.5],
      [`attune p99 ${result.latency.p99} ms (target < 50 ms)`, result.latency.p99 < 50],
      [`attune errors ${result.non2xx + result.errors} (target 0)`, result.non2xx + result.errors === 0],
      // autocannon stops without waiting for requests in flight, which the server may still store.
      [`stored rows ${rows.attune} cover every 2xx (${result["2xx"]}), at most ${CONNECTIONS} more in flight`, rows.attune >= result["2xx"] && rows.attune <= result["2xx"] + CONNECTIONS],
    ];
    reportChecks(checks);
  } finally {
    baselineServer?.close();
    attune.kill("SIGTERM");
    await sql.end();
    await exited(attune);
    await database.drop();
  }
}

runBench(main);
