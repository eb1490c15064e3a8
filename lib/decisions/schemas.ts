import { z } from "zod";

export const DECISION_KINDS = ["launch", "revise", "stop", "other"] as const;

// A form's checkboxes arrive as one string or several; the API sends a list.
const listOf = <T extends z.ZodType>(item: T, message = "decisionTooMuchEvidence") => z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(20, { message }));
const keyList = listOf(z.string().trim().min(1).max(80), "decisionTooManyKpis");

export const recordDecisionSchema = z.object({
  campaignId: z.uuid({ message: "notFound" }),
  kind: z.enum(DECISION_KINDS, { message: "decisionKindInvalid" }),
  rationale: z.string().trim().min(10, { message: "decisionRationaleTooShort" }).max(4000, { message: "decisionRationaleTooLong" }),
  evidenceKpiKeys: keyList,
  evidenceResonanceTestIds: listOf(z.uuid({ message: "decisionEvidenceUnknown" })),
  evidenceMemoIds: listOf(z.uuid({ message: "decisionEvidenceUnknown" })),
  evidenceInsightIds: listOf(z.uuid({ message: "decisionEvidenceUnknown" })),
  evidenceQuoteRefs: listOf(z.string().regex(/^[0-9a-f-]{36}\/[a-z0-9][a-z0-9_-]{0,39}$/, { message: "decisionEvidenceUnknown" })),
  expectedKpiKeys: keyList,
  correctsDecisionId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "notFound" }).optional()),
});
type ListFields = "evidenceKpiKeys" | "expectedKpiKeys" | "evidenceResonanceTestIds" | "evidenceQuoteRefs" | "evidenceMemoIds" | "evidenceInsightIds";
export type RecordDecisionInput = Omit<z.input<typeof recordDecisionSchema>, ListFields> & Partial<Record<ListFields, string[]>>;
