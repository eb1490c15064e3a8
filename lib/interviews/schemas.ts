import { z } from "zod";
import { isStorableText, longText } from "@/lib/storable-text";

// Messages are catalog keys: "interviews.errors.*" for this domain's own, "errors.*" for shared ones.

export const MAX_INTERVIEW_BODY_CHARS = 500_000;
const emptyAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** "key=value" lines (or comma-separated pairs) as segment attributes. */
export const attributePairsSchema = z
  .string()
  .max(2000, { message: "interviewAttributesInvalid" })
  .default("")
  .transform((text, ctx) => {
    const attributes: Record<string, string> = {};
    for (const pair of text.split(/[\n,]/).map((part) => part.trim()).filter(Boolean)) {
      const [key, ...rest] = pair.split("=");
      const value = rest.join("=").trim();
      if (!key?.trim() || !value || key.trim().length > 40 || value.length > 80 || !isStorableText(pair)) {
        ctx.addIssue({ code: "custom", message: "interviewAttributesInvalid" });
        return z.NEVER;
      }
      attributes[key.trim()] = value;
    }
    return attributes;
  });

export const interviewNoteSchema = z.object({
  title: z.string().trim().min(1, { message: "interviewTitleRequired" }).max(200, { message: "textTooLong" }).refine(isStorableText, { message: "textInvalid" }),
  participantLabel: z.string().trim().min(1, { message: "interviewLabelRequired" }).max(120, { message: "textTooLong" }).refine(isStorableText, { message: "textInvalid" }),
  participantEmail: z.preprocess(emptyAsMissing, z.string().trim().toLowerCase().pipe(z.email({ message: "emailInvalid" }).max(254, { message: "emailInvalid" })).optional()),
  programId: z.preprocess(emptyAsMissing, z.uuid({ message: "notFound" }).optional()),
  interviewedOn: z.iso.date({ message: "interviewDateInvalid" }),
  attributes: attributePairsSchema,
  /** Pasted text; an uploaded file's text replaces it. */
  body: z.preprocess((value) => value ?? "", longText(MAX_INTERVIEW_BODY_CHARS)),
});
export type InterviewNoteInput = z.input<typeof interviewNoteSchema>;
