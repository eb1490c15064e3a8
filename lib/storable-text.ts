/**
 * PostgreSQL text cannot hold a NUL character, so text with one would fail on save with an
 * unexpected error; schemas refuse it up front with a clear message instead.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000");
}
