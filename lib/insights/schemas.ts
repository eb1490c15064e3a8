import { z } from "zod";
import { isStorableText } from "@/lib/storable-text";
import { BODY_MAX, CLAIM_MAX } from "./limits";

export const INSIGHT_STATUSES = ["draft", "published"] as const;

const claim = z
  .string()
  .refine(isStorableText, { message: "textInvalid" })
  // A claim is one sentence on one line: line breaks become spaces.
  .transform((text) => text.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, { message: "insightClaimRequired" }).max(CLAIM_MAX, { message: "insightClaimTooLong" }));
const body = z
  .string()
  .refine(isStorableText, { message: "textInvalid" })
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(BODY_MAX, { message: "insightBodyTooLong" }));

export const createInsightSchema = z.object({ claim, body: body.default("") });
export type CreateInsightInput = z.input<typeof createInsightSchema>;

export const updateInsightSchema = z.object({ insightId: z.uuid({ message: "notFound" }), claim, body: body.default("") });
export type UpdateInsightInput = z.input<typeof updateInsightSchema>;

/** One piece of evidence to attach: a highlight, a whole coding item quoted, or a KPI (by key, frozen now). */
export const attachEvidenceSchema = z.discriminatedUnion("kind", [
  z.object({ insightId: z.uuid({ message: "notFound" }), kind: z.literal("highlight"), highlightId: z.uuid({ message: "notFound" }) }),
  z.object({ insightId: z.uuid({ message: "notFound" }), kind: z.literal("quote"), itemId: z.uuid({ message: "notFound" }) }),
  z.object({ insightId: z.uuid({ message: "notFound" }), kind: z.literal("kpi"), kpiKey: z.string().trim().min(1).max(80) }),
]);
export type AttachEvidenceInput = z.input<typeof attachEvidenceSchema>;

export const detachEvidenceSchema = z.object({ insightId: z.uuid({ message: "notFound" }), evidenceId: z.uuid({ message: "notFound" }) });
export type DetachEvidenceInput = z.input<typeof detachEvidenceSchema>;

export const listInsightsSchema = z.object({
  status: z.enum(INSIGHT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListInsightsInput = z.input<typeof listInsightsSchema>;

export const searchEvidenceSchema = z.object({
  search: z.string().trim().max(200).default(""),
  tagId: z.uuid().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchEvidenceInput = z.input<typeof searchEvidenceSchema>;

/** The attribute segments are counted over by default. */
export const DEFAULT_SEGMENT_ATTRIBUTE = "region";
