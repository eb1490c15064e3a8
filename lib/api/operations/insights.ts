import { z } from "zod";
import { pageOf, pageQuerySchema, timestampSchema } from "../common-schemas";
import { defineOperation } from "../operation";

const insightFields = {
  id: z.uuid(),
  claim: z.string().meta({ description: "The insight in one sentence." }),
  body: z.string(),
  publishedAt: timestampSchema.nullable().meta({ description: "When it was published (keys see published insights only)." }),
  updatedAt: timestampSchema,
  voices: z
    .object({
      people: z.number().int().meta({ description: "Distinct people behind its highlights and quotes." }),
      items: z.number().int().meta({ description: "Distinct answers, posts, reports or interview notes behind them." }),
      segments: z.record(z.string(), z.number().int()).meta({ description: "Per attribute (region, language…): how many distinct values its text evidence covers." }),
      evidence: z.object({ highlight: z.number().int(), quote: z.number().int(), kpi: z.number().int() }).meta({ description: "Pieces of evidence by kind." }),
    })
    .meta({ id: "InsightVoices", description: "Counts only: participants' words are not given through the API." }),
};

export const insightSchema = z.object({ ...insightFields, isCited: z.boolean().meta({ description: "A decision cites it." }) }).meta({ id: "Insight" });

export const listInsights = defineOperation({
  operationId: "listInsights",
  method: "get",
  path: "/insights",
  tag: "Insights",
  summary: "List published insights",
  description: "The organization's published insights, most recently published first; drafts are the research team's own.",
  scope: "insights:read",
  query: pageQuerySchema,
  success: { status: 200, description: "A page of insights", schema: pageOf(z.object(insightFields).meta({ id: "InsightSummary" }), "InsightPage") },
});

export const getInsight = defineOperation({
  operationId: "getInsight",
  method: "get",
  path: "/insights/{insightId}",
  tag: "Insights",
  summary: "Get a published insight",
  description: "Its claim, body and how many people and segments its evidence comes from.",
  scope: "insights:read",
  params: z.object({ insightId: z.uuid("idInvalid") }),
  problems: [404],
  success: { status: 200, description: "The insight", schema: insightSchema },
});
