import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { handleApiRequest } from "./api-route";
import { defineOperation } from "./operation";
import { getOrganization } from "./operations/organization";
import { requirePermission } from "@/lib/authz/require-permission";

const echo = defineOperation({
  operationId: "echo",
  method: "post",
  path: "/echo/{thingId}",
  tag: "Test",
  summary: "Echo",
  scope: "responses:write",
  idempotent: true,
  params: z.object({ thingId: z.uuid("idInvalid") }),
  query: z.object({ limit: z.coerce.number("limitInvalid").int().max(5, "limitInvalid").default(1) }),
  body: z.object({ name: z.string().min(1, "nameRequired") }),
  success: { status: 201, description: "Echoed", schema: z.object({ name: z.string(), limit: z.number() }) },
});

function request(path: string, init: { key?: string; body?: unknown; headers?: Record<string, string>; method?: string } = {}) {
  const headers: Record<string, string> = { ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}), ...init.headers };
  if (init.body !== undefined) headers["Content-Type"] ??= "application/json";
  return new Request(`http://attune.test/api/v1${path}`, { method: init.method ?? (init.body === undefined ? "GET" : "POST"), headers, body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body) });
}

const THING = "0b6c3f7e-51a2-4d7e-9d1c-2f6a8e4b9c10";
const KEY = "6f1d2c3b-4a5e-4f60-8b7a-9c0d1e2f3a4b";

describe("public API routes", () => {
  const database = useTestDatabase();

  it("answers the key's organization, and 401 problem details without a live key", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db, { name: "Acme" });
      const key = await issueApiKey(db, org.id, { name: "Test", scopes: ["kpis:read"] }, null);
      const handler = async ({ db: tx, actor, org: ref }: Parameters<Parameters<typeof handleApiRequest<typeof getOrganization>>[2]>[0]) => ({ ...(await requirePermission(tx, actor, ref, "org.view")).organization, scopes: actor.scopes });

      const ok = await handleApiRequest(db, getOrganization, handler, request("/organization", { key: key.secret }));
      expect(ok.status).toBe(200);
      const body = await ok.json();
      expect(body).toMatchObject({ id: org.id, name: "Acme", scopes: ["kpis:read"] });
      expect(body).not.toHaveProperty("minCommentGroupSize");

      const missing = await handleApiRequest(db, getOrganization, handler, request("/organization", { headers: { "Accept-Language": "pl" } }));
      expect(missing.status).toBe(401);
      expect(missing.headers.get("content-type")).toBe("application/problem+json");
      expect(missing.headers.get("www-authenticate")).toContain("Bearer");
      expect(await missing.json()).toMatchObject({ status: 401, code: "apiKeyRequired", title: "Unauthorized", detail: expect.stringContaining("klucza API") });

      const admin = await createMember(db, org.id, "admin");
      await revokeApiKey(db, admin.actor, { id: org.id }, key.id);
      expect((await handleApiRequest(db, getOrganization, handler, request("/organization", { key: key.secret }))).status).toBe(401);
    });
  });

  it("validates every part of a request with field pointers, and checks the scope first", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const writer = await issueApiKey(db, org.id, { name: "Writer", scopes: ["responses:write"] }, null);
      const reader = await issueApiKey(db, org.id, { name: "Reader", scopes: ["responses:read"] }, null);
      let calls = 0;
      const handler = async ({ body, query, idempotencyKey }: { body: { name: string }; query: { limit: number }; idempotencyKey: string | null }) => {
        calls++;
        expect(idempotencyKey).toBe(KEY);
        return { name: body.name, limit: query.limit, secret: "never shown" };
      };
      const call = (key: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}, params: Record<string, string> = { thingId: THING }) =>
        handleApiRequest(db, echo, handler as never, request(path, { key, body: init.body, headers: { "Idempotency-Key": KEY, ...init.headers } }), params);

      const created = await call(writer.secret, `/echo/${THING}?limit=3`, { body: { name: "Ada" } });
      expect(created.status).toBe(201);
      expect(await created.json()).toEqual({ name: "Ada", limit: 3 });

      expect((await call(reader.secret, `/echo/${THING}`, { body: { name: "Ada" } })).status).toBe(403);
      const badParam = await call(writer.secret, "/echo/nope", { body: { name: "Ada" } }, { thingId: "nope" });
      expect(badParam.status).toBe(400);
      expect((await badParam.json()).errors).toEqual([{ pointer: "/params/thingId", code: "idInvalid", detail: expect.any(String) }]);
      const badQuery = await call(writer.secret, `/echo/${THING}?limit=9`, { body: { name: "Ada" } });
      expect(badQuery.status).toBe(400);
      expect((await badQuery.json()).errors[0]).toMatchObject({ pointer: "/query/limit", code: "limitInvalid" });
      const badBody = await call(writer.secret, `/echo/${THING}`, { body: { name: "" } });
      expect(badBody.status).toBe(422);
      expect((await badBody.json()).errors[0]).toMatchObject({ pointer: "/body/name", code: "nameRequired" });
      expect((await call(writer.secret, `/echo/${THING}`, { body: "{not json" })).status).toBe(422);
      expect((await call(writer.secret, `/echo/${THING}`, { body: { name: "Ada" }, headers: { "Content-Type": "text/plain" } })).status).toBe(422);
      const noKey = await call(writer.secret, `/echo/${THING}`, { body: { name: "Ada" }, headers: { "Idempotency-Key": "twice" } });
      expect((await noKey.json()).errors[0]).toMatchObject({ pointer: "/headers", code: "idempotencyKeyInvalid" });
      expect(calls).toBe(1);
    });
  });

  it("answers 429 with Retry-After past the key's limit", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const key = await issueApiKey(db, org.id, { name: "Busy", scopes: ["kpis:read"] }, null);
      const handler = async () => ({ id: org.id, slug: org.slug, name: org.name, defaultLocale: "en" as const, minGroupSize: 5, scopes: [] });
      const limit = Number(process.env.ATTUNE_API_REQUESTS_PER_MINUTE ?? 600);
      // One fixed moment, so the window cannot turn while the test runs.
      const at = new Date("2026-12-06T10:15:20Z");
      let last: Response | undefined;
      for (let index = 0; index <= limit; index++) last = await handleApiRequest(db, getOrganization, handler, request("/organization", { key: key.secret }), {}, at);
      expect(last!.status).toBe(429);
      expect(last!.headers.get("retry-after")).toBe("40");
    });
  });
});
