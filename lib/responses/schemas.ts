import { z } from "zod";
import { isCalendarDay } from "@/lib/calendar-day";
import { LOCALES } from "@/lib/i18n/locales";

export const responsePayloadSchema = z.object({
  /**
   * Generated once by the respondent's device; the idempotency key of every save and submit. One
   * spelling per id, lowercase as PostgreSQL gives uuids back, whatever the path's case.
   */
  responseId: z.uuid({ message: "responseIdInvalid" }).transform((id) => id.toLowerCase()),
  instrumentId: z.uuid({ message: "notFound" }),
  locale: z.enum(LOCALES, { message: "localeInvalid" }),
  answers: z.record(z.string().max(40), z.unknown()),
});
export type ResponsePayload = z.infer<typeof responsePayloadSchema>;

/** The filters of an instrument's responses, strict: the API refuses a malformed one (the page ignores it). */
export const responseFilterFieldsSchema = z.object({
  status: z.enum(["completed", "in_progress"], { message: "responseStatusInvalid" }).meta({ description: "completed, or in_progress (started, not yet submitted)." }),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "dateInvalid" }).refine(isCalendarDay, { message: "dateInvalid" }).meta({ description: "Last change on or after this day (YYYY-MM-DD, UTC)." }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "dateInvalid" }).refine(isCalendarDay, { message: "dateInvalid" }).meta({ description: "Last change on or before this day (YYYY-MM-DD, UTC)." }),
  /** A segment attribute filter: "region:North". */
  segment: z.string().regex(/^[A-Za-z]{1,20}:[^:]{1,60}$/, { message: "segmentFilterInvalid" }).meta({ description: "One segment attribute of the respondent when they answered, as attribute:value, e.g. region:North." }),
  q: z.string().trim().min(1, { message: "searchInvalid" }).max(100, { message: "searchInvalid" }).meta({ description: "Text that a free-text answer contains (case-insensitive)." }),
});
