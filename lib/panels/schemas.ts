import { z } from "zod";
import { isStorableText, longText } from "@/lib/storable-text";
import type { PanelQuota } from "@/db/schema/programs";
import { PROFILE_ATTRIBUTES } from "@/lib/councils/profile-choices";
import { LOCALES } from "@/lib/i18n/locales";

// Messages are catalog keys (namespace "errors"), shown translated by the form that failed.

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message }).optional());

export const panelQuotaSchema = z.object({ attribute: z.string().min(1).max(40), value: z.string().min(1).max(60), minShare: z.number({ message: "quotaInvalid" }).min(0, { message: "quotaInvalid" }).max(100, { message: "quotaInvalid" }) });

/** Minimum shares of one attribute must fit in the panel together: at most 100%. */
export const panelQuotasSchema = z.array(panelQuotaSchema).max(200).superRefine((quotas, ctx) => {
  const totals = new Map<string, number>();
  for (const quota of quotas) totals.set(quota.attribute, (totals.get(quota.attribute) ?? 0) + quota.minShare);
  if ([...totals.values()].some((total) => total > 100)) ctx.addIssue({ code: "custom", message: "quotasOver100" });
});

export const panelSettingsSchema = z.object({
  name: z.string().trim().min(2, { message: "nameTooShort" }).max(120, { message: "nameTooLong" }).refine(isStorableText, { message: "textInvalid" }),
  purpose: longText(2000).pipe(z.string().min(10, { message: "purposeTooShort" })),
  consentText: longText(5000).optional().transform((text) => text || undefined),
  defaultLocale: z.enum(LOCALES, { message: "localeInvalid" }).default("en"),
  targetSize: optionalInt(1, 100_000, "targetSizeInvalid"),
  panelQuotas: panelQuotasSchema.default([]),
});
export type PanelSettingsInput = z.input<typeof panelSettingsSchema>;

export const panelIdSchema = z.object({ panelId: z.uuid({ message: "notFound" }) });
export const updatePanelSchema = z.intersection(panelSettingsSchema, panelIdSchema);
export type UpdatePanelInput = z.input<typeof updatePanelSchema>;

/** Quota inputs are named `quota.<attribute>.<value>`; blank ones set no quota. */
export function panelQuotasFromForm(values: Record<string, string>): PanelQuota[] {
  const quotas: PanelQuota[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const [prefix, attribute, value] = key.split(".");
    if (prefix !== "quota" || !attribute || !value || raw.trim() === "") continue;
    quotas.push({ attribute, value, minShare: Number(raw) });
  }
  return quotas;
}

const RESERVED_KEYS = new Set<string>([...PROFILE_ATTRIBUTES, "selfDescribed", "panelOptIn", "custom"]);

/** An organization's own attribute: a slug key (not a built-in one), a label and 2–20 distinct values. */
export const panelAttributeSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: "attributeKeyInvalid" })
    .refine((key) => !RESERVED_KEYS.has(key), { message: "attributeKeyReserved" }),
  label: z.string().trim().min(2, { message: "nameTooShort" }).max(80, { message: "nameTooLong" }),
  /** One value per line or comma-separated in the form. */
  values: z
    .union([z.string(), z.array(z.string())])
    .transform((raw) => [...new Set((Array.isArray(raw) ? raw : raw.split(/[\n,]/)).map((value) => value.trim()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[^.]{1,60}$/, { message: "attributeValueInvalid" })).min(2, { message: "attributeValuesCount" }).max(20, { message: "attributeValuesCount" })),
});
export type PanelAttributeInput = z.input<typeof panelAttributeSchema>;

export const drawSampleSchema = z.object({
  panelId: z.uuid({ message: "notFound" }),
  size: z.coerce.number({ message: "sampleSizeInvalid" }).int({ message: "sampleSizeInvalid" }).min(1, { message: "sampleSizeInvalid" }).max(10_000, { message: "sampleSizeInvalid" }),
  balanceOn: z.array(z.string().max(40)).max(4, { message: "balanceOnTooMany" }).default([]),
  seed: z.string().max(64).optional(),
});
export type DrawSampleInput = z.input<typeof drawSampleSchema>;

export const saveSampleSchema = drawSampleSchema.extend({
  name: z.string().trim().min(2, { message: "nameTooShort" }).max(120, { message: "nameTooLong" }).refine(isStorableText, { message: "textInvalid" }),
  seed: z.string().min(1).max(64),
});
export type SaveSampleInput = z.input<typeof saveSampleSchema>;
