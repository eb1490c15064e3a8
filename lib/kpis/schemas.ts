import { z } from "zod";
import { itemCodeSchema } from "@/lib/instruments/definition";
import { TARGET_BASES } from "./kpi-target";

// Form values are strings; an empty one clears the setting.
const optionalNumber = (message: string) => z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), z.coerce.number({ message }).finite({ message }).nullable());

export const kpiSettingsSchema = z.object({
  key: z.string().trim().min(1).max(80),
  ownerUserId: z.preprocess((value) => (value === "" ? null : value), z.string().min(1).max(100).nullable()),
  period: z.enum(["monthly", "quarterly"], { message: "kpiPeriodInvalid" }),
  target: optionalNumber("kpiTargetInvalid"),
  targetBasis: z.enum(TARGET_BASES, { message: "kpiTargetBasisInvalid" }).default("absolute"),
  incentiveWeight: optionalNumber("kpiWeightInvalid").refine((value) => value === null || (value >= 0 && value <= 100), { message: "kpiWeightInvalid" }),
});
export type KpiSettingsInput = z.input<typeof kpiSettingsSchema>;

// An empty value (the "no split" option of a form) means none.
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
export const kpiDetailQuerySchema = z.object({
  key: z.string().trim().min(1).max(80),
  /** An attribute to split by, e.g. language or region. */
  by: optional(z.string().trim().min(1).max(60)),
  /** The first day of the period to split, or "all" for every period together; the latest with data when absent. */
  period: optional(z.union([z.literal("all"), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/)])),
});
export type KpiDetailQuery = z.input<typeof kpiDetailQuerySchema>;

// Item codes typed in a form: "CSAT, CES" or one per line.
const itemCodeList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean) : value),
  z.array(itemCodeSchema).max(20, { message: "kpiItemsTooMany" }),
);

export const createKpiSchema = z
  .object({
    name: z.string().trim().min(2, { message: "kpiNameTooShort" }).max(80, { message: "kpiNameTooLong" }),
    /** "response_rate" counts who answered of those invited to a programme's rounds, instead of answers to items. */
    aggregation: z.enum(["mean", "top_box", "nps", "response_rate"], { message: "kpiAggregationInvalid" }),
    itemCodes: itemCodeList.default([]),
    /** Only the answers of people who carried one attribute value, as "language=ru"; empty for everyone. */
    segment: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}=[^=]{1,100}$/, { message: "kpiSegmentUnknown" }).transform((pair) => {
        const [key, value] = pair.split("=");
        return { key, value };
      }).optional(),
    ),
    /** For a response rate: one programme, or empty for all of them. */
    programId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "kpiProgrammeInvalid" }).optional()),
    period: z.enum(["monthly", "quarterly"], { message: "kpiPeriodInvalid" }),
    /** For a top-box KPI: where the top box starts, as a share of the scale (75 = the top two of five points). */
    topBoxFrom: z.preprocess((value) => (value === "" || value === undefined ? 75 : value), z.coerce.number({ message: "kpiTopBoxInvalid" }).min(1, { message: "kpiTopBoxInvalid" }).max(100, { message: "kpiTopBoxInvalid" })),
  })
  .refine((kpi) => kpi.aggregation === "response_rate" || kpi.itemCodes.length > 0, { message: "kpiItemsRequired", path: ["itemCodes"] })
  .refine((kpi) => kpi.aggregation !== "response_rate" || !kpi.segment, { message: "kpiSegmentNotForRates", path: ["segment"] });
/** What a form or the API sends: item codes as one string or a list, the top box as text or a number. */
export type CreateKpiInput = Omit<z.input<typeof createKpiSchema>, "itemCodes" | "topBoxFrom" | "programId" | "segment"> & { itemCodes?: string | string[]; topBoxFrom?: string | number; programId?: string; segment?: string };
