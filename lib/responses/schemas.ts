import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const responsePayloadSchema = z.object({
  /** Generated once by the respondent's device; the idempotency key of every save and submit. */
  responseId: z.uuid({ message: "responseIdInvalid" }),
  instrumentId: z.uuid({ message: "notFound" }),
  locale: z.enum(LOCALES, { message: "localeInvalid" }),
  answers: z.record(z.string().max(40), z.unknown()),
});
export type ResponsePayload = z.infer<typeof responsePayloadSchema>;
