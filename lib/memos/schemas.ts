import { z } from "zod";
import { isStorableText } from "@/lib/storable-text";

export const memoQuoteRefSchema = z.object({ responseId: z.uuid(), questionId: z.string().min(1).max(40) });

export const saveMemoSchema = z.object({
  cycleId: z.uuid({ message: "notFound" }),
  title: z.string().trim().min(1, { message: "memoTitleRequired" }).max(200, { message: "memoTitleTooLong" }).refine(isStorableText, { message: "textInvalid" }),
  body: z.string().max(20_000, { message: "memoBodyTooLong" }).refine(isStorableText, { message: "textInvalid" }).default(""),
  quotes: z.array(memoQuoteRefSchema).max(50).default([]),
  /** "publish" makes the memo readable by the council's members. */
  intent: z.enum(["draft", "publish"]).default("draft"),
});
export type SaveMemoInput = z.input<typeof saveMemoSchema>;
