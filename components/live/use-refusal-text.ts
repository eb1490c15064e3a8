"use client";
import { useTranslations } from "use-intl";

/** The reader's text for a refused request's message key (lib/http/problem.ts), or `fallback` for a key the catalog lacks. */
export function useRefusalText() {
  const te = useTranslations("errors");
  return (key: string | undefined, fallback: string) => (key && te.has(key as "unexpected") ? te(key as "unexpected") : fallback);
}
