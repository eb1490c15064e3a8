import { z } from "zod";
import { ABSOLUTE_MIN_GROUP_SIZE } from "./thresholds";

const threshold = z.coerce.number({ message: "thresholdInvalid" }).int("thresholdInvalid").min(ABSOLUTE_MIN_GROUP_SIZE, "thresholdTooLow").max(100, "thresholdTooHigh");

/** An organization's anonymity thresholds as an admin sets them (form values are strings). */
export const anonymityThresholdsSchema = z
  .object({ minGroupSize: threshold, minCommentGroupSize: threshold })
  .refine((value) => value.minCommentGroupSize >= value.minGroupSize, { path: ["minCommentGroupSize"], message: "commentThresholdBelowGroup" });
export type AnonymityThresholdsInput = z.input<typeof anonymityThresholdsSchema>;
