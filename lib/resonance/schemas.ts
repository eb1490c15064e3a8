import { z } from "zod";
import { attributeKeySchema } from "@/lib/polls/schemas";

export const RESONANCE_JOB = { close: "resonance-test.close" } as const;
export const DEFAULT_RESPECTFUL_THRESHOLD = 60;

// A form's checkboxes arrive as one string or several; the API sends a list.
const asList = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);
const emptyAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A datetime-local value ("2027-03-01T09:00") names a UTC time, as the form says. */
const utcDeadline = z.preprocess((value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value), z.coerce.date({ message: "deadlineInvalid" }));

export const createResonanceTestSchema = z.object({
  campaignId: z.uuid({ message: "notFound" }),
  panelId: z.uuid({ message: "resonancePanelRequired" }),
  sampleId: z.union([z.uuid({ message: "notFound" }), z.literal("")]).optional().transform((value) => value || undefined),
  conceptIds: z.preprocess(asList, z.array(z.uuid({ message: "resonanceConceptUnknown" })).min(1, { message: "resonanceConceptsRequired" }).max(6, { message: "resonanceTooManyConcepts" })),
  deadline: utcDeadline,
  respectfulThreshold: z.preprocess(
    emptyAsMissing,
    z.coerce.number({ message: "resonanceThresholdInvalid" }).int({ message: "resonanceThresholdInvalid" }).min(0, { message: "resonanceThresholdInvalid" }).max(100, { message: "resonanceThresholdInvalid" }).default(DEFAULT_RESPECTFUL_THRESHOLD),
  ),
});
export type CreateResonanceTestInput = z.input<typeof createResonanceTestSchema>;

export const resonanceTestIdSchema = z.uuid({ message: "notFound" });
export const resonanceQuerySchema = z.object({ split: attributeKeySchema.optional().catch(undefined) });
