import { z } from "zod";

export const ALERT_KINDS = ["below_target", "significant_drop", "divergence", "urgent_spike"] as const;
export const ALERT_STATUSES = ["open", "in_progress", "resolved", "dismissed"] as const;
export const KPI_ALERT_KINDS = ["below_target", "significant_drop"] as const;
export const ALERT_JOB = { evaluate: "alerts.evaluate" } as const;
/** How often the rules are looked at again, besides right after one is made. */
export const ALERT_EVALUATION_MS = 15 * 60 * 1000;

const emptyAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

export const createAlertRuleSchema = z
  .object({
    kind: z.enum(ALERT_KINDS, { message: "alertKindInvalid" }),
    kpiKey: z.preprocess(emptyAsMissing, z.string().trim().min(1).max(80).optional()),
    threshold: z.preprocess(emptyAsMissing, z.coerce.number({ message: "alertThresholdInvalid" }).int({ message: "alertThresholdInvalid" }).min(1, { message: "alertThresholdInvalid" }).max(1000, { message: "alertThresholdInvalid" }).optional()),
    ownerUserId: z.string().trim().min(1, { message: "alertOwnerRequired" }).max(100),
    dueDays: z.preprocess(emptyAsMissing, z.coerce.number({ message: "alertDueDaysInvalid" }).int({ message: "alertDueDaysInvalid" }).min(1, { message: "alertDueDaysInvalid" }).max(90, { message: "alertDueDaysInvalid" }).default(7)),
  })
  .superRefine((rule, ctx) => {
    if ((KPI_ALERT_KINDS as readonly string[]).includes(rule.kind) && !rule.kpiKey) ctx.addIssue({ code: "custom", path: ["kpiKey"], message: "alertKpiRequired" });
    if (rule.kind === "urgent_spike" && rule.threshold === undefined) ctx.addIssue({ code: "custom", path: ["threshold"], message: "alertThresholdInvalid" });
  });
export type CreateAlertRuleInput = z.input<typeof createAlertRuleSchema>;

export const updateAlertSchema = z.object({
  alertId: z.uuid({ message: "notFound" }),
  status: z.enum(ALERT_STATUSES, { message: "alertStatusInvalid" }),
  note: z.string().trim().max(1000, { message: "alertNoteTooLong" }).default(""),
});
export type UpdateAlertInput = z.input<typeof updateAlertSchema>;
