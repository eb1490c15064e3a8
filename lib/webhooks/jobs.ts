import { z } from "zod";

export const WEBHOOK_JOB = { deliver: "webhook.deliver" } as const;

/** One job per scheduled attempt of one delivery. */
export const deliverWebhookJobPayloadSchema = z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(1) });
