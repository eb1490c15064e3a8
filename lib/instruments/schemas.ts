import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { definitionSchema } from "./definition";

export const createInstrumentSchema = z.object({
  name: z.string().trim().min(2, { message: "nameTooShort" }).max(120, { message: "nameTooLong" }),
  defaultLocale: z.enum(LOCALES, { message: "localeInvalid" }).default("en"),
});
export type CreateInstrumentInput = z.infer<typeof createInstrumentSchema>;

export const saveDraftSchema = z.object({
  instrumentId: z.uuid({ message: "notFound" }),
  name: z.string().trim().min(2, { message: "nameTooShort" }).max(120, { message: "nameTooLong" }),
  /** The revision the editor started from; a newer one on the server means someone else saved. */
  revision: z.number().int().min(1),
  definition: definitionSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

export const instrumentIdSchema = z.object({ instrumentId: z.uuid({ message: "notFound" }) });

export const setAvailabilitySchema = z.object({
  instrumentId: z.uuid({ message: "notFound" }),
  isOpen: z.boolean(),
  audience: z.array(z.enum(["participant", "frontline"])).min(1, { message: "audienceRequired" }),
});
export type SetAvailabilityInput = z.infer<typeof setAvailabilitySchema>;
