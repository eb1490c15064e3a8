import type { Db } from "@/db/connect";
import { issueApiKey } from "@/lib/api-keys/create-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { handleApiRequest } from "@/lib/api/api-route";
import type { HandlerOf } from "@/lib/api/handlers/handler";
import type { ApiOperation } from "@/lib/api/operation";

/** A key of the organization holding these scopes; returns its secret. */
export async function createApiKeyFor(db: Db, organizationId: string, scopes: ApiScope[]): Promise<string> {
  return (await issueApiKey(db, organizationId, { name: `Test ${scopes.join(" ")}`, scopes }, null)).secret;
}

export interface ApiCall {
  key: string;
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls an operation through the same request handling as its route (key, scope, validation,
 * problem details, result schema) with the route's own handler, on the test's database.
 */
export async function callApi<O extends ApiOperation>(db: Db, operation: O, handler: HandlerOf<O>, call: ApiCall) {
  const params = Object.fromEntries(Object.entries(call.params ?? {}).map(([name, value]) => [name, String(value)]));
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const search = new URLSearchParams(Object.entries(call.query ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
  const headers: Record<string, string> = { Authorization: `Bearer ${call.key}`, ...call.headers };
  if (call.body !== undefined) headers["Content-Type"] ??= "application/json";
  const request = new Request(`http://attune.test/api/v1${path}${search.size > 0 ? `?${search}` : ""}`, {
    method: operation.method.toUpperCase(),
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const response = await handleApiRequest(db, operation, handler, request, params);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the document says
  const body: any = response.status === 204 ? null : await response.json();
  return { status: response.status, body, headers: response.headers };
}
