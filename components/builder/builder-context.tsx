"use client";
import { createContext, useContext } from "react";
import type { Locale } from "@/lib/i18n/locales";

export interface BuilderSettings {
  /** Languages whose inputs are shown side by side while editing. */
  editLocales: Locale[];
  defaultLocale: Locale;
  requiredLocales: Locale[];
  /** Where uploads go: /api/o/<orgSlug>/assets. */
  orgSlug: string;
}

export const BuilderContext = createContext<BuilderSettings>({ editLocales: ["en"], defaultLocale: "en", requiredLocales: ["en"], orgSlug: "" });

export const useBuilderSettings = () => useContext(BuilderContext);

/** The element id of a text input: the same path as missingTranslations(), so the panel can focus it. */
export function fieldId(path: string, locale: Locale): string {
  return `f-${path.replaceAll(".", "-")}-${locale}`;
}
