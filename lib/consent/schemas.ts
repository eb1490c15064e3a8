import { z } from "zod";
import { CONSENT_PURPOSES } from "@/db/schema/privacy";
import { longText } from "@/lib/storable-text";
import { OPTIONAL_PURPOSES } from "./consent-state";
import { DATA_USE_PROMISES } from "./data-use-promises";

// Messages are catalog keys (namespace "errors"), shown translated by the form that failed.

const checkbox = z.preprocess((value) => value === "yes" || value === "on" || value === true, z.boolean());
const programKind = z.enum(["council", "panel"], { message: "notFound" });

export const publishConsentTextSchema = z.object({
  kind: programKind,
  programId: z.uuid({ message: "notFound" }),
  purpose: z.enum(CONSENT_PURPOSES, { message: "invalid" }),
  body: longText(5000).pipe(z.string().min(10, { message: "consentTextTooShort" })),
  /** A material change asks every member again; a non-material one (a typo fixed) keeps their answers. */
  isMaterial: checkbox.default(false),
});
export type PublishConsentTextInput = z.input<typeof publishConsentTextSchema>;

export const recordConsentSchema = z.object({
  kind: programKind,
  programId: z.uuid({ message: "notFound" }),
  purpose: z.enum(OPTIONAL_PURPOSES, { message: "invalid" }),
  granted: z.preprocess((value) => (value === "yes" || value === true ? true : value === "no" || value === false ? false : value), z.boolean({ message: "invalid" })),
});
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

/** A yes/no per optional purpose, as the join and renew forms send them (`consent.quotes` = yes|no); unanswered ones are absent. */
const yesNo = z.preprocess((value) => (value === "" ? undefined : value), z.enum(["yes", "no"], { message: "choiceRequired" }).optional());
export const optionalAnswersSchema = z.object({ quotes: yesNo, contact: yesNo, panels: yesNo }).default({});
export type OptionalAnswers = z.infer<typeof optionalAnswersSchema>;

/** Form inputs named `consent.<purpose>` gathered into answers. */
export function optionalAnswersFromForm(values: unknown): Record<string, string> {
  if (!values || typeof values !== "object") return {};
  return Object.fromEntries(Object.entries(values as Record<string, string>).filter(([key, value]) => key.startsWith("consent.") && typeof value === "string").map(([key, value]) => [key.slice("consent.".length), value]));
}

export const setDataUsePromisesSchema = z.object({
  kind: programKind,
  programId: z.uuid({ message: "notFound" }),
  promises: z.array(z.enum(DATA_USE_PROMISES, { message: "invalid" })).max(DATA_USE_PROMISES.length).transform((promises) => [...new Set(promises)].sort()),
});
export type SetDataUsePromisesInput = z.input<typeof setDataUsePromisesSchema>;
