import { z } from "zod";
import { ZodError } from "zod";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { log } from "@/lib/log";

/** RFC 9457 problem details, with one entry per invalid field. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URI reference naming the kind of problem; about:blank when the status says it all." }),
    title: z.string().meta({ description: "A short summary of the kind of problem." }),
    status: z.number().int(),
    detail: z.string().optional().meta({ description: "What went wrong with this request, in the language of Accept-Language (en, pl, ru)." }),
    code: z.string().meta({ description: "A stable machine-readable code, e.g. notFound or answerOutOfRange." }),
    errors: z
      .array(z.object({ pointer: z.string().meta({ description: "JSON Pointer (RFC 6901) to the field in the request: /body/name, /query/cursor, /headers/idempotency-key." }), code: z.string(), detail: z.string() }))
      .optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

function message(locale: Locale, code: string): string {
  const t = translatorFor(locale);
  const key = `errors.${code}`;
  return t.has(key as never) ? t(key as never) : t("errors.invalid" as never);
}

export function problem(status: number, code: string, locale: Locale, errors?: Problem["errors"]): Problem {
  return { type: "about:blank", title: TITLES[status] ?? "Error", status, detail: message(locale, code), code, ...(errors?.length ? { errors } : {}) };
}

/** Where a request part's field errors point: "/body/name", "/query/cursor". */
export type RequestPart = "params" | "query" | "body" | "headers";
const REQUEST_PARTS: readonly RequestPart[] = ["params", "query", "body", "headers"];

export function problemFromZod(error: ZodError, part: RequestPart, locale: Locale): Problem {
  const errors = error.issues.map((issue) => {
    const code = /^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : "invalid";
    // A path that names its request part already (a cursor checked by the handler) keeps it.
    const names = REQUEST_PARTS.includes(issue.path[0] as RequestPart);
    return { pointer: `${names ? "" : `/${part}`}${issue.path.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`, code, detail: message(locale, code) };
  });
  const partAtFault = errors[0]?.pointer.split("/")[1] ?? part;
  return problem(partAtFault === "body" || partAtFault === "headers" ? 422 : 400, "invalid", locale, errors);
}

/** The one mapping from a thrown failure to problem details for the public API. */
export function problemFromError(error: unknown, locale: Locale, part: RequestPart = "body"): Problem {
  if (error instanceof ZodError) return problemFromZod(error, part, locale);
  if (isAppError(error)) {
    const status = HTTP_STATUS[error.code];
    const errors = Object.entries(error.fieldErrors ?? {}).map(([field, code]) => ({ pointer: `/${part}/${field}`, code, detail: message(locale, code) }));
    return problem(status, error.messageKey, locale, errors);
  }
  log.error({ event: "api.failed", err: error }, "public API request failed");
  return problem(500, "unexpected", locale);
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status: body.status, headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers } });
}
