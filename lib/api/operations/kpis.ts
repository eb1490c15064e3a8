import { z } from "zod";
import { defineOperation } from "../operation";

const WITHHOLDINGS = ["not_enough_data", "small_rest", "too_few_responses", "too_few_for_comments", "complementary", "derivable_by_difference"] as const;

/** The fields of a value: the number with n and a 95% interval, or nulls and why. */
export const kpiValueFields = {
  value: z.number().nullable().meta({ description: "0–100 (NPS −100…100); null when withheld." }),
  lower: z.number().nullable().meta({ description: "Lower bound of the 95% interval." }),
  upper: z.number().nullable().meta({ description: "Upper bound of the 95% interval." }),
  n: z.number().int().nullable().meta({ description: "Answers (or people asked, for a response rate) behind the value; null when an anonymity rule withholds the group." }),
  withheld: z.enum(WITHHOLDINGS).nullable().meta({
    description:
      "Why there is no value: not_enough_data (fewer answers than minN; n is given), small_rest (beside the whole organization it would single out the few outside the segment), or an anonymity rule of a split (too_few_responses, complementary, derivable_by_difference). Null when the value is given.",
  }),
};
export const kpiValueSchema = z.object(kpiValueFields).meta({ id: "KpiValue" });

const pointSchema = z
  .object({
    periodStart: z.iso.date().meta({ description: "First day of the month or quarter." }),
    ...kpiValueFields,
    change: z.enum(["up", "down"]).nullable().meta({ description: "A change from the previous period significant at the 95% level." }),
    p: z.number().nullable().meta({ description: "Two-sided p-value of the change from the previous period." }),
  })
  .meta({ id: "KpiPoint" });

const kpiFields = {
  key: z.string(),
  name: z.string(),
  isBuiltIn: z.boolean(),
  source: z.enum(["items", "response_rate"]),
  aggregation: z.enum(["mean", "top_box", "nps"]),
  itemCodes: z.array(z.string()),
  period: z.enum(["monthly", "quarterly"]),
  segment: z.object({ key: z.string(), value: z.string() }).nullable().meta({ description: "A KPI of one segment's answers only." }),
  programId: z.uuid().nullable().meta({ description: "The programme of a response rate; null for all." }),
  target: z.number().nullable().meta({ description: "What the latest period has to reach." }),
  targetStatus: z.enum(["above", "below", "uncertain", "noTarget", "noData", "noBaseline"]).meta({ description: "Where the latest value stands against the target; only a whole interval on one side counts." }),
  latest: pointSchema.nullable(),
};

export const listKpis = defineOperation({
  operationId: "listKpis",
  method: "get",
  path: "/kpis",
  tag: "KPIs",
  summary: "List KPIs with their latest values",
  description: "Every KPI of the organization with its latest value, n, 95% interval, target and status, withheld exactly as on the dashboard.",
  scope: "kpis:read",
  success: {
    status: 200,
    description: "The KPIs",
    schema: z
      .object({
        minN: z.number().int().meta({ description: "The smallest n a value is given at." }),
        data: z.array(z.object(kpiFields).meta({ id: "Kpi" })),
      })
      .meta({ id: "KpiList" }),
  },
});

export const getKpiValues = defineOperation({
  operationId: "getKpiValues",
  method: "get",
  path: "/kpis/{kpiKey}/values",
  tag: "KPIs",
  summary: "A KPI's values over time, optionally split",
  description:
    "The KPI's whole series by its own period (monthly or quarterly), each with n and a 95% interval, and with `by` its split by a segment attribute in one period: each segment against the rest with Holm-corrected tests. Groups under the organization's minimum are withheld (null value with the reason), exactly as in the app.",
  scope: "kpis:read",
  params: z.object({ kpiKey: z.string().min(1, "notFound").max(80, "notFound").meta({ description: "The KPI's key, as listKpis gives it." }) }),
  query: z.object({
    by: z.string().min(1, "attributeInvalid").max(60, "attributeInvalid").optional().meta({ description: "An attribute to split by (one of splittableBy), e.g. region." }),
    period: z
      .string()
      .regex(/^(all|\d{4}-(0[1-9]|1[0-2])-01)$/, "kpiPeriodStartInvalid")
      .optional()
      .meta({ description: "The first day of the period to split (YYYY-MM-01), or all for every period together; the latest when absent." }),
  }),
  problems: [404],
  success: {
    status: 200,
    description: "The KPI's series and split",
    schema: z
      .object({
        ...kpiFields,
        minN: z.number().int().meta({ description: "The smallest n a value is given at." }),
        minGroupSize: z.number().int().meta({ description: "The smallest group a split shows." }),
        series: z.array(pointSchema),
        splittableBy: z.array(z.string()).meta({ description: "Attributes the KPI's answers can be split by." }),
        split: z
          .object({
            by: z.string(),
            period: z.string().meta({ description: "The period's first day, or all." }),
            from: z.iso.date(),
            to: z.iso.date().meta({ description: "Exclusive." }),
            segments: z.array(
              z
                .object({
                  segment: z.string().meta({ description: "The attribute's value." }),
                  ...kpiValueFields,
                  difference: z.enum(["below", "above"]).nullable().meta({ description: "Significantly below or above everyone else." }),
                  adjustedP: z.number().nullable().meta({ description: "Holm-adjusted p-value against everyone else." }),
                })
                .meta({ id: "KpiSegment" }),
            ),
          })
          .nullable()
          .meta({ description: "Null without by, or when the KPI cannot be split by it." }),
      })
      .meta({ id: "KpiValues" }),
  },
});
