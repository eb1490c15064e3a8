"use client";
import { useTranslations } from "use-intl";

/** The reader's text for a message key from the server (lib/http/problem.ts), or `fallback` for a key the catalog lacks. */
export function useRefusalText() {
  const te = useTranslations("errors");
  return (key: string | undefined, fallback: string) => (key && te.has(key as "unexpected") ? te(key as "unexpected") : fallback);
}
