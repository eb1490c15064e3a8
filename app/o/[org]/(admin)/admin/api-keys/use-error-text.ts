"use client";
import { useTranslations } from "next-intl";

/** An error key in the reader's language: this page's own messages first, then the shared ones. */
export function useErrorText() {
  const t = useTranslations("apiKeys");
  const te = useTranslations("errors");
  return (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : te(key));
}
