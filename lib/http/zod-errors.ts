import type { ZodError } from "zod";

/** Per-field catalog keys from a zod error; zod's built-in English messages map to "invalid". */
export function fieldErrorsFromZod(error: ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= /^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return fieldErrors;
}
