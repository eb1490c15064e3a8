import { z } from "zod";

export const cycleJobPayloadSchema = z.object({ cycleId: z.uuid() });
export const reminderJobPayloadSchema = z.object({ cycleId: z.uuid(), reminder: z.int().min(1) });
