import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { idempotencyKeySchema } from "./common-schemas";
import type { ApiOperation } from "./operation";
import { API_OPERATIONS, API_TAGS } from "./operations";
import { problemSchema } from "./problem";

const PROBLEMS: Record<number, string> = {
  400: "A path or query parameter is invalid",
  401: "No API key, or an unknown or revoked one",
  403: "The key lacks the scope this operation needs",
  404: "Not found in the key's organization (another organization's resources are never disclosed)",
  409: "Conflicts with the resource's current state",
  410: "Gone",
  422: "The body or a header is invalid; errors lists each field",
  429: "Rate limited; retry after Retry-After seconds",
  500: "Unexpected failure",
};

const problemContent = { "application/problem+json": { schema: problemSchema } };

function responsesOf(operation: ApiOperation): ZodOpenApiResponsesObject {
  const { status, description, schema } = operation.success;
  const responses: ZodOpenApiResponsesObject = {
    [`${status}`]: schema ? { description, content: { "application/json": { schema } } } : { description },
  };
  // A retried write answers its first result again, marked as a replay.
  if (operation.idempotent && status === 201 && schema) {
    responses["200"] = {
      description: "An earlier request with the same Idempotency-Key and body already did this: its result, unchanged",
      headers: { "Idempotent-Replayed": { description: "true: nothing new was written", schema: { type: "string", enum: ["true"] } } },
      content: { "application/json": { schema } },
    };
  }
  const statuses = [400, 401, 403, ...(operation.problems ?? []), 422, 429, 500];
  for (const problem of statuses) {
    responses[`${problem}` as `4${string}`] = {
      description: PROBLEMS[problem],
      content: problemContent,
      ...(problem === 429 ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } } : {}),
    };
  }
  return responses;
}

function operationObject(operation: ApiOperation): ZodOpenApiOperationObject {
  const scope = operation.scope === "any" ? "any key" : `\`${operation.scope}\``;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${operation.description ?? operation.summary}\n\nRequired scope: ${scope}.`,
    tags: [operation.tag],
    requestParams: {
      ...(operation.params ? { path: operation.params } : {}),
      ...(operation.query ? { query: operation.query } : {}),
      ...(operation.idempotent ? { header: z.object({ "Idempotency-Key": idempotencyKeySchema }) } : {}),
    },
    ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: operation.body } } } } : {}),
    responses: responsesOf(operation),
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the schemas the routes validate with. */
export function buildOpenApiDocument(operations: ApiOperation[] = API_OPERATIONS) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Attune API",
      version: "1.0.0",
      summary: "Programs, instruments, responses, participants, KPIs, campaigns, decisions and insights of one organization.",
      description:
        "Authenticate with an API key from Admin → API keys: `Authorization: Bearer attune_…`. A key belongs to one organization and holds scopes per resource family (write implies read): " +
        API_SCOPES.map((scope) => `\`${scope}\``).join(", ") +
        ". Errors are RFC 9457 problem details (`application/problem+json`) with a `detail` in the language of `Accept-Language` (en, pl, ru). Lists page by cursor. Anonymity thresholds apply exactly as in the app.",
      license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
    },
    servers: [{ url: "/api/v1", description: "This Attune instance" }],
    security: [{ apiKey: [] }],
    tags: API_TAGS,
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An Attune API key (attune_…)." } },
    },
  });
}
