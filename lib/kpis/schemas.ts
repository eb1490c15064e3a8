import { z } from "zod";

// Form values are strings; an empty one clears the setting.
const optionalNumber = (message: string) => z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), z.coerce.number({ message }).finite({ message }).nullable());

export const kpiSettingsSchema = z.object({
  key: z.string().trim().min(1).max(80),
  ownerUserId: z.preprocess((value) => (value === "" ? null : value), z.string().min(1).max(100).nullable()),
  period: z.enum(["monthly", "quarterly"], { message: "kpiPeriodInvalid" }),
  target: optionalNumber("kpiTargetInvalid"),
  incentiveWeight: optionalNumber("kpiWeightInvalid").refine((value) => value === null || (value >= 0 && value <= 100), { message: "kpiWeightInvalid" }),
});
export type KpiSettingsInput = z.input<typeof kpiSettingsSchema>;
