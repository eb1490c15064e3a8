"use client";
import { useTranslations } from "next-intl";

/** A catalog key from a failed action, in the domain's own "errors" first, else the shared "errors" namespace. */
export function useErrorText(namespace: "themes" | "interviews") {
  const own = useTranslations(namespace);
  const shared = useTranslations("errors");
  return (key: string) => (own.has(`errors.${key}`) ? own(`errors.${key}` as never) : shared(key as never));
}
