import { z } from "zod";
import { isStorableText, longText } from "@/lib/storable-text";
import type { CompositionTarget } from "@/db/schema/programs";
import { LOCALES } from "@/lib/i18n/locales";
import { programInviteeSchema } from "@/lib/programs/program-import";
import { isProfileChoice, PROFILE_ATTRIBUTES, PROFILE_CHOICES } from "./profile-choices";

// Messages are catalog keys (namespace "errors"), shown translated by the form that failed.

/** Browsers submit a textarea's line breaks as CRLF; stored texts use LF so an unchanged text compares equal. */
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message }).optional());

export const compositionTargetSchema = z
  .object({ attribute: z.string(), value: z.string(), share: z.number().min(0).max(100) })
  .refine((target) => isProfileChoice(target.attribute, target.value), { message: "targetInvalid" });

/** Targets per attribute must leave room for each other: their shares add up to at most 100%. */
export const compositionTargetsSchema = z.array(compositionTargetSchema).max(100).superRefine((targets, ctx) => {
  for (const attribute of PROFILE_ATTRIBUTES) {
    const total = targets.filter((target) => target.attribute === attribute).reduce((sum, target) => sum + target.share, 0);
    if (total > 100) ctx.addIssue({ code: "custom", message: "targetsOver100" });
  }
});

/** The settings a researcher can change at any time; the schedule's start is fixed at creation. */
export const councilSettingsSchema = z
  .object({
    name: z.string().trim().min(2, { message: "nameTooShort" }).max(120, { message: "nameTooLong" }).refine(isStorableText, { message: "textInvalid" }),
    purpose: longText(2000).pipe(z.string().min(10, { message: "purposeTooShort" })),
    consentText: longText(5000).optional().transform((text) => text || undefined),
    defaultLocale: z.enum(LOCALES, { message: "localeInvalid" }).default("en"),
    cadence: z.enum(["monthly", "quarterly", "custom"], { message: "invalid" }).default("quarterly"),
    cadenceMonths: optionalInt(1, 12, "cadenceMonthsInvalid"),
    openDay: optionalInt(1, 28, "openDayInvalid").transform((day) => day ?? 1),
    openForDays: optionalInt(1, 60, "openForDaysInvalid").transform((days) => days ?? 14),
    maxReminders: optionalInt(0, 5, "maxRemindersInvalid").transform((count) => count ?? 2),
    reminderEveryDays: optionalInt(1, 14, "reminderEveryDaysInvalid").transform((days) => days ?? 3),
    targetSize: optionalInt(1, 10_000, "targetSizeInvalid"),
    compositionTargets: compositionTargetsSchema.default([]),
  })
  .refine((settings) => settings.cadence !== "custom" || settings.cadenceMonths !== undefined, { path: ["cadenceMonths"], message: "cadenceMonthsInvalid" });
export type CouncilSettingsInput = z.input<typeof councilSettingsSchema>;

export const createCouncilSchema = z.intersection(
  councilSettingsSchema,
  z.object({
    /** YYYY-MM-DD of the first session; empty means the start of next quarter. */
    startsOn: z.preprocess((value) => (value === "" ? undefined : value), z.iso.date({ message: "dateInvalid" }).optional()),
    /** An existing published instrument of the organization, or empty for the default council survey. */
    surveyInstrumentId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "notFound" }).optional()),
  }),
);
export type CreateCouncilInput = z.input<typeof createCouncilSchema>;

export const updateCouncilSchema = z.intersection(councilSettingsSchema, z.object({ councilId: z.uuid({ message: "notFound" }) }));
export type UpdateCouncilInput = z.input<typeof updateCouncilSchema>;

export const councilIdSchema = z.object({ councilId: z.uuid({ message: "notFound" }) });

export const councilInviteeSchema = programInviteeSchema;
export type CouncilInvitee = z.infer<typeof councilInviteeSchema>;

export const inviteToCouncilSchema = z.intersection(councilIdSchema, councilInviteeSchema);

export const councilInvitationIdSchema = z.object({ councilId: z.uuid({ message: "notFound" }), invitationId: z.uuid({ message: "notFound" }) });

const profileChoice = <const T extends readonly [string, ...string[]]>(choices: T) => z.enum(choices, { message: "choiceRequired" });

/** What a customer tells the council about themselves on joining. */
export const memberProfileSchema = z.object({
  region: profileChoice(PROFILE_CHOICES.region),
  language: profileChoice(PROFILE_CHOICES.language),
  ageBand: profileChoice(PROFILE_CHOICES.ageBand),
  tenure: profileChoice(PROFILE_CHOICES.tenure),
  selfDescribed: longText(500).optional().transform((text) => text || undefined),
});

export const joinCouncilSchema = memberProfileSchema.extend({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "invitationInvalid" }),
  consent: z.literal("yes", { message: "consentRequired" }),
});
export type JoinCouncilInput = z.input<typeof joinCouncilSchema>;

/** Target inputs are named `target.<attribute>.<value>`; blank ones set no target. */
export function compositionTargetsFromForm(values: Record<string, string>): CompositionTarget[] {
  const targets: CompositionTarget[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const [prefix, attribute, value] = key.split(".");
    if (prefix !== "target" || !attribute || !value || raw.trim() === "") continue;
    targets.push({ attribute, value, share: Number(raw) });
  }
  return targets;
}
