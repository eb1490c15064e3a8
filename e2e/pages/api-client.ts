import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "@playwright/test";

interface OperationRef {
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface ApiCall {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's key for this call; null sends none. */
  key?: string | null;
}

export interface ApiResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each body is checked against the document instead
  body: any;
  headers: Headers;
}

type Document = { paths: Record<string, Record<string, { operationId: string; responses: OperationRef["responses"] }>> };

/**
 * Calls /api/v1 by operationId, as the OpenAPI document describes it, and fails the test when a
 * status is not documented for the operation or a body does not match its documented schema.
 */
export async function openApiClient(baseURL: string, key: string | null) {
  const document = (await (await fetch(new URL("/api/v1/openapi.json", baseURL))).json()) as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document as object, "openapi.json");
  const operations = new Map<string, OperationRef>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) operations.set(operation.operationId, { method, path, responses: operation.responses });
  }

  async function call(operationId: string, input: ApiCall = {}): Promise<ApiResult> {
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`the OpenAPI document has no operation ${operationId}`);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? `missing-${name}`));
    const url = new URL(`/api/v1${path}`, baseURL);
    for (const [name, value] of Object.entries(input.query ?? {})) url.searchParams.set(name, String(value));
    const usedKey = input.key === undefined ? key : input.key;
    const headers: Record<string, string> = { ...(usedKey ? { Authorization: `Bearer ${usedKey}` } : {}), ...(input.body !== undefined ? { "Content-Type": "application/json" } : {}), ...input.headers };
    const response = await fetch(url, { method: operation.method.toUpperCase(), headers, body: input.body === undefined ? undefined : JSON.stringify(input.body) });
    const status = String(response.status);
    expect(Object.keys(operation.responses), `${operationId} answered ${status}, which its document does not list`).toContain(status);
    const text = await response.text();
    const contentType = response.headers.get("content-type")?.split(";")[0] ?? "";
    const body = text ? JSON.parse(text) : null;
    const documented = operation.responses[status].content;
    if (documented) {
      expect(Object.keys(documented), `${operationId} ${status} content type`).toContain(contentType);
      const pointer = `openapi.json#/paths/${operation.path.replace(/~/g, "~0").replace(/\//g, "~1")}/${operation.method}/responses/${status}/content/${contentType.replace(/\//g, "~1")}/schema`;
      const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
      expect(validate(body), `${operationId} ${status} body against the document: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`).toBe(true);
    }
    return { status: response.status, body, headers: response.headers };
  }

  return { call, document };
}
