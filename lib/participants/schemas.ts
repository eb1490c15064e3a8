import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { programInviteeSchema } from "@/lib/programs/program-import";
import { isStorableText } from "@/lib/storable-text";

// Messages are catalog keys (namespace "errors").

/** The members the participants API reaches: customers, and frontline staff (whose attributes the roster keeps). */
export const PARTICIPANT_ROLES = ["participant", "frontline"] as const;

/** A segment attribute's name, as KPI segments and splits name it: region, ageBand, team… */
export const attributeKeySchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, { message: "participantAttributeKeyInvalid" });
const attributeValueSchema = z
  .string()
  .trim()
  .min(1, { message: "participantAttributeValueInvalid" })
  .max(100, { message: "participantAttributeValueInvalid" })
  // "=" separates a KPI segment's key from its value, so a value holding one could never be followed.
  .refine((value) => isStorableText(value) && !value.includes("="), { message: "participantAttributeValueInvalid" });
export const MAX_PARTICIPANT_ATTRIBUTES = 30;
/** A wrong key is reported at the key, with the key's own message. */
export const attributeKeyError = { error: (issue: { code?: string }) => (issue.code === "invalid_key" ? "participantAttributeKeyInvalid" : undefined) };
const tooMany = (attributes: Record<string, unknown>) => Object.keys(attributes).length <= MAX_PARTICIPANT_ATTRIBUTES;

export const participantAttributesSchema = z.record(attributeKeySchema, attributeValueSchema, attributeKeyError).refine(tooMany, { message: "participantTooManyAttributes" });

/** A customer added by another system: the invitation's fields (email, name, language) and their segment attributes. */
export const addParticipantSchema = programInviteeSchema.extend({ attributes: participantAttributesSchema.default({}) });
export type AddParticipantInput = z.input<typeof addParticipantSchema>;

/** A change of profile: a null name or locale clears it, a null attribute removes it, an absent field stays. */
export const updateParticipantSchema = z.object({
  name: programInviteeSchema.shape.name.unwrap().nullable().optional(),
  locale: z.enum(LOCALES, { message: "localeInvalid" }).nullable().optional(),
  attributes: z.record(attributeKeySchema, attributeValueSchema.nullable(), attributeKeyError).refine(tooMany, { message: "participantTooManyAttributes" }).optional(),
});
export type UpdateParticipantInput = z.input<typeof updateParticipantSchema>;

export const listParticipantsSchema = z.object({
  /** Part of an email address, any case. */
  email: z.string().trim().toLowerCase().min(1, { message: "emailInvalid" }).max(254, { message: "emailInvalid" }).optional(),
  role: z.enum(PARTICIPANT_ROLES, { message: "roleInvalid" }).optional(),
  /** One attribute value, as "region=north". */
  attribute: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,59}=[^=]{1,100}$/, { message: "participantAttributeFilterInvalid" })
    .transform((pair) => {
      const [key, value] = pair.split("=");
      return { key, value };
    })
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListParticipantsInput = z.input<typeof listParticipantsSchema>;

/** Erasing someone through the API: like the privacy page, the caller restates the person's email. */
export const eraseParticipantSchema = z.object({
  confirmation: z.string().trim().toLowerCase().min(1, { message: "privacyConfirmMismatch" }).max(254, { message: "privacyConfirmMismatch" }),
  reference: z.string().trim().max(120, { message: "privacyReferenceTooLong" }).optional(),
});
export type EraseParticipantInput = z.input<typeof eraseParticipantSchema>;
