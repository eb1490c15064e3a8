import { z } from "zod";

/**
 * PostgreSQL text cannot hold a NUL character, so text with one would fail on save with an
 * unexpected error; schemas refuse it up front with a clear message instead.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000");
}

/** Multi-line text from a form: line breaks made "\n", trimmed, at most `max` characters, storable. */
export const longText = (max: number) =>
  z
    .string()
    .refine(isStorableText, { message: "textInvalid" })
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, { message: "textTooLong" }));
