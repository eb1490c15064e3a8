import { z } from "zod";

export const DECISION_KINDS = ["launch", "revise", "stop", "other"] as const;

// A form's checkboxes arrive as one string or several; the API sends a list.
const keyList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().trim().min(1).max(80)).max(20, { message: "decisionTooManyKpis" }));

export const recordDecisionSchema = z.object({
  campaignId: z.uuid({ message: "notFound" }),
  kind: z.enum(DECISION_KINDS, { message: "decisionKindInvalid" }),
  rationale: z.string().trim().min(10, { message: "decisionRationaleTooShort" }).max(4000, { message: "decisionRationaleTooLong" }),
  evidenceKpiKeys: keyList,
  expectedKpiKeys: keyList,
  correctsDecisionId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "notFound" }).optional()),
});
export type RecordDecisionInput = Omit<z.input<typeof recordDecisionSchema>, "evidenceKpiKeys" | "expectedKpiKeys"> & { evidenceKpiKeys?: string[]; expectedKpiKeys?: string[] };
