import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { grantsScope } from "@/lib/api-keys/scopes";
import type { ApiKeyActor } from "@/lib/authz/require-permission";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isJsonContentType } from "@/lib/http/json-body";
import { localeFromAcceptLanguage } from "@/lib/i18n/resolve-locale";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import type { ApiOperation } from "./operation";
import { problem, problemFromError, problemResponse, type RequestPart } from "./problem";
import { idempotencyKeySchema } from "./common-schemas";

export interface ApiRequestContext<Params, Query, Body> {
  db: Db;
  actor: ApiKeyActor;
  /** The key's organization, as domain functions address it. */
  org: { id: string };
  params: Params;
  query: Query;
  body: Body;
  idempotencyKey: string | null;
  request: Request;
}

type Handler<O> =
  O extends ApiOperation<infer Params, infer Query, infer Body, infer Result>
    ? (context: ApiRequestContext<z.output<Params>, z.output<Query>, z.output<Body>>) => Promise<z.input<Result>>
    : never;

const MAX_BODY_BYTES = 1_000_000;

const replays = new WeakSet<object>();

/** Marks a handler's result as the first result of an earlier request with the same Idempotency-Key: answered 200 instead of 201. */
export function replayed<T extends object>(result: T): T {
  replays.add(result);
  return result;
}

/**
 * A public API route: authenticates the key, counts it against the rate limit shared by every
 * instance, checks the operation's scope, validates params, query, headers and body with the
 * operation's schemas, and answers problem details for every failure. The result is parsed with the
 * documented response schema, so nothing undocumented (an email, an internal id) leaks out.
 */
export function apiRoute<O extends ApiOperation>(operation: O, handler: Handler<O>) {
  return async (request: Request, routeContext: { params: Promise<Record<string, string>> }): Promise<Response> =>
    handleApiRequest(await getDb(), operation, handler, request, await routeContext.params);
}

/** The work of an API route on a given database (tests call it inside a rolled-back transaction). */
export async function handleApiRequest<O extends ApiOperation>(db: Db, operation: O, handler: Handler<O>, request: Request, routeParams: Record<string, string> = {}, now = new Date()): Promise<Response> {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  let part: RequestPart = "headers";
  const rateHeaders: Record<string, string> = {};
  try {
    const actor = await authenticateApiKey(db, request.headers.get("authorization"), now);
    const rule = { name: "api", limit: env.ATTUNE_API_REQUESTS_PER_MINUTE, windowSeconds: 60 };
    const limit = await consumeRateLimit(db, rule, actor.apiKeyId, now);
    rateHeaders["RateLimit-Limit"] = String(rule.limit);
    if (!limit.isAllowed) {
      return problemResponse(problem(429, "apiRateLimited", locale), { "Retry-After": String(limit.retryAfterSeconds), ...rateHeaders });
    }
    if (operation.scope !== "any" && !grantsScope(actor.scopes, operation.scope)) throw new AppError("FORBIDDEN", "apiKeyScopeMissing");

    const idempotencyKey = operation.idempotent ? idempotencyKeySchema.parse(request.headers.get("idempotency-key")) : null;
    part = "params";
    const params = operation.params ? operation.params.parse(routeParams) : {};
    part = "query";
    const query = operation.query ? operation.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : {};
    part = "body";
    const body = operation.body ? operation.body.parse(await readJsonBody(request)) : undefined;

    const result = await handler({ db, actor, org: { id: actor.organizationId }, params, query, body, idempotencyKey, request } as never);
    const headers = { "Cache-Control": "no-store", ...rateHeaders };
    if (operation.success.status === 204 || !operation.success.schema) return new Response(null, { status: 204, headers });
    const documented = operation.success.schema.safeParse(result);
    // A result outside its documented shape is Attune's bug, never the client's: 500, and logged.
    if (!documented.success) throw new Error(`${operation.operationId} returned a result outside its schema: ${documented.error.message}`);
    const isReplay = operation.idempotent === true && typeof result === "object" && result !== null && replays.has(result);
    return Response.json(documented.data, { status: isReplay ? 200 : operation.success.status, headers: isReplay ? { ...headers, "Idempotent-Replayed": "true" } : headers });
  } catch (error) {
    const body = problemFromError(error, locale, part);
    return problemResponse(body, body.status === 401 ? { "WWW-Authenticate": 'Bearer realm="attune"', ...rateHeaders } : rateHeaders);
  }
}

async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw new AppError("INVALID", "apiJsonRequired");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("INVALID", "apiBodyTooLarge");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "apiJsonInvalid");
  }
}
