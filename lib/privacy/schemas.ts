import { z } from "zod";

export const RETENTION_JOB = { purge: "retention.purge" } as const;
/** The longest retention a program may set: ten years. */
export const MAX_RETENTION_MONTHS = 120;

const emptyAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Who an admin erases: a membership of the organization, or the email it was found by. Either way the admin retypes the email. */
export const erasePersonSchema = z
  .object({
    membershipId: z.preprocess(emptyAsMissing, z.uuid({ message: "notFound" }).optional()),
    email: z.preprocess(emptyAsMissing, z.string().trim().toLowerCase().max(254).optional()),
    reference: z.preprocess(emptyAsMissing, z.string().trim().max(120, { message: "privacyReferenceTooLong" }).optional()),
    confirmation: z.string().trim().toLowerCase().min(1, { message: "privacyConfirmMismatch" }).max(254),
  })
  .refine((input) => input.membershipId || input.email, { path: ["email"], message: "emailInvalid" });
export type ErasePersonInput = z.input<typeof erasePersonSchema>;

export const eraseMyDataSchema = z.object({ confirmation: z.string().trim().toLowerCase().min(1, { message: "privacyConfirmMismatch" }).max(254) });
export type EraseMyDataInput = z.input<typeof eraseMyDataSchema>;

export const findPersonSchema = z.object({ email: z.string().trim().toLowerCase().min(1, { message: "emailInvalid" }).max(254, { message: "emailInvalid" }) });

export const erasurePolicySchema = z.object({ policy: z.enum(["keep_anonymous", "delete"], { message: "privacyPolicyInvalid" }) });
export type ErasurePolicyInput = z.input<typeof erasurePolicySchema>;

export const programRetentionSchema = z.object({
  programId: z.uuid({ message: "notFound" }),
  retentionMonths: z.preprocess(
    emptyAsMissing,
    z.coerce.number({ message: "privacyRetentionInvalid" }).int({ message: "privacyRetentionInvalid" }).min(1, { message: "privacyRetentionInvalid" }).max(MAX_RETENTION_MONTHS, { message: "privacyRetentionInvalid" }).nullable().default(null),
  ),
});
export type ProgramRetentionInput = z.input<typeof programRetentionSchema>;
