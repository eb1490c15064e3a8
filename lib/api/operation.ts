import type { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";

export type ApiMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * One operation of the public API: the contract that the route validates with and the OpenAPI
 * document is generated from, so the two cannot drift apart.
 */
export interface ApiOperation<
  Params extends z.ZodObject = z.ZodObject,
  Query extends z.ZodObject = z.ZodObject,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: ApiMethod;
  /** OpenAPI path under /api/v1, e.g. "/programs/{programId}". */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The scope a key needs ("any": every live key); the domain function checks its permission again through the policy. */
  scope: ApiScope | "any";
  params?: Params;
  query?: Query;
  body?: Body;
  /** Reads an Idempotency-Key header: a retry with the same key returns the first result. */
  idempotent?: boolean;
  success: { status: 200 | 201 | 204; description: string; schema?: Result };
  /** Statuses beyond those every operation can answer (400, 401, 403, 422, 429, 500). */
  problems?: Array<404 | 409 | 410>;
}

export function defineOperation<Params extends z.ZodObject, Query extends z.ZodObject, Body extends z.ZodType, Result extends z.ZodType>(
  operation: ApiOperation<Params, Query, Body, Result>,
): ApiOperation<Params, Query, Body, Result> {
  return operation;
}
