import { z } from "zod";
import { keysetCursorSchema } from "@/lib/pagination/keyset-cursor";
import { isUuid } from "@/lib/ids";
import { isStorableText } from "@/lib/storable-text";

export const FIELD_REPORT_KINDS = ["pain_point", "praise"] as const;
export const URGENCIES = ["low", "normal", "urgent"] as const;
export const FIELD_REPORT_BODY_MIN = 5;
export const FIELD_REPORT_BODY_MAX = 1000;
export type FieldReportKind = (typeof FIELD_REPORT_KINDS)[number];
export type Urgency = (typeof URGENCIES)[number];

// Messages are catalog keys (namespace "errors"); the form and the server share this schema.
export const submitFieldReportSchema = z.object({
  kind: z.enum(FIELD_REPORT_KINDS, { message: "fieldReportKindInvalid" }),
  urgency: z.enum(URGENCIES, { message: "fieldReportUrgencyInvalid" }).default("normal"),
  body: z
    .string({ message: "fieldReportBodyTooShort" })
    .trim()
    .min(FIELD_REPORT_BODY_MIN, { message: "fieldReportBodyTooShort" })
    .max(FIELD_REPORT_BODY_MAX, { message: "fieldReportBodyTooLong" })
    .refine(isStorableText, { message: "textInvalid" }),
  /** Chosen when the form is shown: a double click or a retried request sends the same report once. */
  submissionId: z.preprocess((value) => (isUuid(value) ? value : undefined), z.string().optional()),
});
export type SubmitFieldReportInput = z.input<typeof submitFieldReportSchema>;

export const listFieldReportsQuerySchema = z.object({
  kind: z.enum(FIELD_REPORT_KINDS).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  /** Keyset cursor of the last report on the previous page (db/keyset.ts); a forged one means the first page. */
  after: keysetCursorSchema.optional().catch(undefined),
});
export type ListFieldReportsQuery = z.input<typeof listFieldReportsQuerySchema>;

export const URGENT_FIELD_REPORT_JOB = "field-report.urgent";
