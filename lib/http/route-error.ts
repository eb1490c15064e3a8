import { ZodError } from "zod";
import { HTTP_STATUS, isAppError, RateLimitedError } from "@/lib/errors";
import { log } from "@/lib/log";
import { fieldErrorsFromZod } from "./zod-errors";

/** The one place that turns a failure into an HTTP response (RFC 9457 problem details). */
export function routeError(error: unknown): Response {
  if (error instanceof ZodError) {
    return Response.json({ type: "about:blank", title: "invalid", status: 422, errors: fieldErrorsFromZod(error) }, { status: 422, headers: { "Content-Type": "application/problem+json" } });
  }
  if (isAppError(error)) {
    const status = HTTP_STATUS[error.code];
    const retryAfter: Record<string, string> = error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return Response.json({ type: "about:blank", title: error.messageKey, status, errors: error.fieldErrors }, { status, headers: { "Content-Type": "application/problem+json", ...retryAfter } });
  }
  log.error({ event: "route.failed", err: error }, "route handler failed");
  return Response.json({ type: "about:blank", title: "unexpected", status: 500 }, { status: 500, headers: { "Content-Type": "application/problem+json" } });
}
