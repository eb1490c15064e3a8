import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, signatureHeaders } from "../tests/webhook-receiver";
import { openApiClient } from "./pages/api-client";
import { message } from "./pages/catalog";
import { signInThroughMagicLink } from "./pages/sign-in";

// Issue 9's journey on an Attune instance of its own (a fresh database, no demo), so that the
// command line can work on that database before the instance starts: on embedded PGlite only one
// process may hold the folder. Organizations, keys, instruments and answers come from the command
// line and the API; the webhook endpoint from the admin pages.
const run = promisify(execFile);
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const base = `http://localhost:${port}`;
const id = randomUUID().slice(0, 8);
const dataDir = `.data/e2e-api-${id}`;
const serverUrl = process.env.DATABASE_URL;
const databaseName = `attune_api_${id}`;
const databaseUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString() : undefined;
const instanceEnv = { ...process.env, DATABASE_URL: databaseUrl ?? "", ATTUNE_DATA_DIR: dataDir, ATTUNE_SEED_DEMO: "false", LOG_LEVEL: "warn" };

let instance: ChildProcess | undefined;

async function attune(...args: string[]) {
  const { stdout } = await run(process.execPath, ["scripts/attune.mjs", ...args, "--json"], { env: instanceEnv });
  return JSON.parse(stdout);
}

async function attuneFails(...args: string[]) {
  return run(process.execPath, ["scripts/attune.mjs", ...args], { env: instanceEnv }).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
}

async function waitForHealth() {
  await expect(async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.ok).toBe(true);
  }).toPass({ timeout: 120_000 });
}

test.afterAll(async () => {
  if (instance && instance.exitCode === null) {
    const exited = new Promise((resolve) => instance!.once("exit", resolve));
    instance.kill("SIGTERM");
    await exited;
  }
  if (serverUrl) {
    const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists ${databaseName} with (force)`);
    await sql.end();
  } else rmSync(dataDir, { recursive: true, force: true });
});

test("an organization and a scoped key from the command line; an instrument, idempotent answers, KPI values and a signed webhook through the API; another organization's key sees none of it", async ({ browser }) => {
  test.setTimeout(300_000);
  if (serverUrl) {
    const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe(`create database ${databaseName}`);
    await sql.end();
  }

  // The command line: two organizations, an admin, and keys; bad input changes nothing.
  const acme = await attune("org:create", "--name", "Acme Outdoor", "--admin-email", "admin@acme.example");
  const other = await attune("org:create", "--name", "Other Retail");
  const refused = await attuneFails("apikey:create", "--org", acme.slug, "--name", "Bad", "--scopes", "everything:write");
  expect(refused?.code).toBe(1);
  const key = await attune("apikey:create", "--org", acme.slug, "--name", "CRM sync", "--scopes", "instruments:write,responses:write,participants:write,kpis:read");
  expect(key.secret).toMatch(/^attune_/);
  const readOnly = await attune("apikey:create", "--org", acme.slug, "--name", "Dashboard", "--scopes", "kpis:read");
  const otherKey = await attune("apikey:create", "--org", other.slug, "--name", "Theirs", "--scopes", "instruments:write,responses:write,participants:write,kpis:read");

  instance = spawn(process.execPath, [".next/attune-server.cjs"], {
    env: { ...instanceEnv, NODE_ENV: "production", PORT: String(port), HOST: "localhost", AUTH_URL: base, ATTUNE_WEBHOOKS_ALLOW_LOOPBACK: "true", ATTUNE_JOB_POLL_MS: "300" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth();

  // The admin registers a loopback receiver for response.created in the admin pages.
  const receiver = await startWebhookReceiver();
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await signInThroughMagicLink(page, "admin@acme.example", `/o/${acme.slug}/admin/webhooks`);
  await page.getByLabel(message("en", "webhooks.urlLabel")).fill(receiver.url);
  await page.getByRole("group", { name: message("en", "webhooks.eventsLegend") }).getByRole("checkbox", { name: /response\.created/ }).check();
  await page.getByRole("button", { name: message("en", "webhooks.create") }).click();
  await expect(page).toHaveURL(/\/admin\/webhooks\/[0-9a-f-]{36}$/);
  const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();

  const api = await openApiClient(base, key.secret);
  const theirs = await openApiClient(base, otherKey.secret);
  expect((await api.call("getOrganization")).body).toMatchObject({ slug: acme.slug, scopes: ["instruments:write", "responses:write", "participants:write", "kpis:read"] });
  expect((await api.call("getOrganization", { key: null })).status).toBe(401);

  // Ten customers, and an instrument built, published and opened to them.
  const participants: string[] = [];
  for (let n = 1; n <= 10; n++) {
    const created = await api.call("createParticipant", { body: { email: `customer${n}@acme.example`, name: `Customer ${n}`, locale: n % 2 ? "en" : "pl", attributes: { region: n <= 5 ? "north" : "south" } } });
    expect(created.status).toBe(201);
    participants.push(created.body.id);
  }
  const text = (en: string, pl: string, ru: string) => ({ en, pl, ru });
  const definition = {
    title: text("After your visit", "Po wizycie", "После визита"),
    defaultLocale: "en",
    requiredLocales: ["en", "pl", "ru"],
    questions: [{ id: "nps", code: "NPS", type: "scale", min: 0, max: 10, required: true, prompt: text("Would you recommend us?", "Czy polecisz nas?", "Порекомендуете ли вы нас?") }],
  };
  expect((await api.call("createInstrument", { key: readOnly.secret, body: { name: "Visit", definition } })).status).toBe(403);
  const instrument = await api.call("createInstrument", { body: { name: "After your visit", definition } });
  expect(instrument.status).toBe(201);
  const instrumentId = instrument.body.id;
  expect((await api.call("publishInstrument", { params: { instrumentId } })).status).toBe(201);
  expect((await api.call("setInstrumentAvailability", { params: { instrumentId }, body: { isOpen: true, audience: ["participant"] } })).status).toBe(200);

  // Answers on the customers' behalf; the first is retried with its Idempotency-Key and counted once.
  const scores = [10, 9, 9, 10, 8, 7, 9, 3, 10, 6];
  const firstKey = randomUUID();
  const answer = (index: number, idempotencyKey: string) =>
    api.call("createParticipantResponse", { params: { instrumentId }, headers: { "Idempotency-Key": idempotencyKey }, body: { participantId: participants[index], locale: "en", answers: { nps: scores[index] } } });
  const first = await answer(0, firstKey);
  expect(first.status).toBe(201);
  const retried = await answer(0, firstKey);
  expect(retried.status).toBe(200);
  expect(retried.body.id).toBe(first.body.id);
  const invalid = await api.call("createParticipantResponse", { params: { instrumentId }, headers: { "Idempotency-Key": randomUUID() }, body: { participantId: participants[1], locale: "en", answers: { nps: 11 } } });
  expect(invalid.status).toBe(422);
  expect(invalid.body.errors[0].pointer).toBe("/body/answers/nps");
  for (let index = 1; index < scores.length; index++) expect((await answer(index, randomUUID())).status).toBe(201);
  const listed = await api.call("listInstrumentResponses", { params: { instrumentId }, query: { limit: 100 } });
  expect(listed.body.data).toHaveLength(10);

  // KPI values: ten answers reach the minimum; NPS = 60% promoters − 20% detractors.
  const nps = await api.call("getKpiValues", { params: { kpiKey: "council-nps" } });
  expect(nps.status).toBe(200);
  expect(nps.body.series.at(-1)).toMatchObject({ n: 10, value: 40 });
  expect(nps.body.series.at(-1).lower).toBeLessThan(40);

  // Ten signed response.created messages; the one retried answer is not announced twice.
  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(10);
  const verifier = new Webhook(secret);
  const announced = receiver.received.map((received) => verifier.verify(received.body, signatureHeaders(received.headers)) as { type: string; data: { responseId: string } });
  expect(announced.every((event) => event.type === "response.created")).toBe(true);
  expect(new Set(announced.map((event) => event.data.responseId)).size).toBe(10);
  expect(() => new Webhook(`whsec_${Buffer.from("not the secret").toString("base64")}`).verify(receiver.received[0].body, signatureHeaders(receiver.received[0].headers))).toThrow();
  await receiver.close();

  // Another organization's key: every one of those resources is unknown to it.
  const responseId = first.body.id;
  expect((await theirs.call("getInstrument", { params: { instrumentId } })).status).toBe(404);
  expect((await theirs.call("publishInstrument", { params: { instrumentId } })).status).toBe(404);
  expect((await theirs.call("listInstrumentResponses", { params: { instrumentId } })).status).toBe(404);
  expect((await theirs.call("getResponse", { params: { responseId } })).status).toBe(404);
  expect((await theirs.call("getParticipant", { params: { participantId: participants[0] } })).status).toBe(404);
  expect((await theirs.call("createParticipantResponse", { params: { instrumentId }, headers: { "Idempotency-Key": randomUUID() }, body: { participantId: participants[1], locale: "en", answers: { nps: 5 } } })).status).toBe(404);
  const theirNps = await theirs.call("getKpiValues", { params: { kpiKey: "council-nps" } });
  expect(theirNps.body.series.every((point: { n: number | null }) => !point.n)).toBe(true);

  // The document the client checked every call against lints clean, and its reference page reads it.
  const documentFile = `${dataDir}-openapi.json`;
  writeFileSync(documentFile, JSON.stringify(api.document));
  try {
    await run("npx", ["redocly", "lint", documentFile, "--format", "stylish"], { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
  } finally {
    rmSync(documentFile, { force: true });
  }
  await page.goto("/api/v1/reference");
  await expect(page.getByText("createParticipantResponse").first()).toBeVisible();
  await page.screenshot({ path: ".data/screens/api-reference.png" });
});
