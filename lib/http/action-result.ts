import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { fieldErrorsFromZod } from "./zod-errors";

import type { ActionState } from "./action-state";

export type { ActionState } from "./action-state";


/**
 * The one place that turns a failure into an action result. Redirects and notFound() pass
 * through; unknown errors are logged and shown as "unexpected" without details.
 */
export function actionError(error: unknown, values?: Record<string, string>): ActionState {
  unstable_rethrow(error);
  if (error instanceof ZodError) return { status: "error", error: "invalid", fieldErrors: fieldErrorsFromZod(error), values };
  if (isAppError(error)) return { status: "error", error: error.messageKey, fieldErrors: error.fieldErrors, values };
  log.error({ event: "action.failed", err: error }, "server action failed");
  return { status: "error", error: "unexpected", values };
}

/** FormData as plain strings, so a failed form can be shown again with what the person typed. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}
