import type { Db } from "@/db/connect";
import { handleApiRequest } from "@/lib/api/api-route";
import type { ApiOperation } from "@/lib/api/operation";
import { issueApiKey } from "@/lib/api-keys/create-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";

/** The secret of a new key of the organization with these scopes. */
export async function apiKeyOf(db: Db, organizationId: string, scopes: ApiScope[]): Promise<string> {
  return (await issueApiKey(db, organizationId, { name: "Integration", scopes }, null)).secret;
}

type Handler<O extends ApiOperation> = Parameters<typeof handleApiRequest<O>>[2];

/**
 * Calls an operation as a client would, through the same wrapper as its route: the path is the
 * operation's with params filled in, the query a search string, the body JSON.
 */
export async function callApi<O extends ApiOperation>(
  db: Db,
  operation: O,
  handler: Handler<O>,
  key: string,
  { params = {}, query = {}, body }: { params?: Record<string, string>; query?: Record<string, string | number>; body?: unknown } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the JSON they read, as a client would
): Promise<{ status: number; body: any }> {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const request = new Request(`http://attune.test/api/v1${path}${search ? `?${search}` : ""}`, { method: operation.method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await handleApiRequest(db, operation, handler, request, params);
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}
