import { z } from "zod";
import { webhookEventTypeSchema } from "./events";
import { MAX_WEBHOOK_URL_LENGTH } from "./url-rules";

export const MAX_ENDPOINTS_PER_ORGANIZATION = 20;

/** What an admin fills in for an endpoint; the URL's safety rules are checked by the use case (they depend on the server's settings). */
export const webhookEndpointInputSchema = z.object({
  url: z.string().trim().min(1, "webhookUrlRequired").max(MAX_WEBHOOK_URL_LENGTH, "webhookUrlTooLong"),
  description: z.string().trim().max(200, "webhookDescriptionTooLong").default(""),
  events: z
    .array(webhookEventTypeSchema, { error: "webhookEventsRequired" })
    .min(1, "webhookEventsRequired")
    .transform((events) => [...new Set(events)]),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointInputSchema>;

export const endpointRefSchema = z.object({ endpointId: z.uuid({ error: "notFound" }) });
export const deliveryRefSchema = z.object({ deliveryId: z.uuid({ error: "notFound" }) });
export const setEndpointEnabledSchema = endpointRefSchema.extend({ isEnabled: z.boolean() });
