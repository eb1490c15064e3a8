import { z } from "zod";
import { isStorableText } from "@/lib/storable-text";

export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export const CODING_SOURCES = ["answer", "live_post", "field_report", "interview"] as const;
export const INBOX_PAGE_SIZE = 25;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Anything malformed in a URL filter is dropped rather than refused: a stale link still opens. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The inbox filters, from the page's query string. */
export const inboxFiltersSchema = z.object({
  program: optional(z.uuid()),
  from: optional(month),
  to: optional(month),
  /** attribute=value, e.g. region=north */
  segment: optional(z.string().regex(/^[\w-]{1,40}=.{1,100}$/)),
  language: optional(z.string().regex(/^[a-z]{2,3}$/)),
  tag: optional(z.uuid()),
  sentiment: optional(z.enum(SENTIMENTS)),
  uncoded: optional(z.enum(["1"])),
  source: optional(z.enum(CODING_SOURCES)),
  /** Words in the text. */
  q: optional(z.string().trim().min(1).max(200)),
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export const inboxQuerySchema = inboxFiltersSchema.extend({ cursor: optional(z.string().max(200)) });
export type InboxQuery = z.input<typeof inboxQuerySchema>;

const tagIds = z.array(z.uuid({ message: "notFound" })).max(20);

export const createHighlightSchema = z
  .object({
    itemId: z.uuid({ message: "notFound" }),
    start: z.coerce.number().int().min(0, { message: "codingOffsetInvalid" }),
    end: z.coerce.number().int().min(1, { message: "codingOffsetInvalid" }),
    tagIds: tagIds.default([]),
  })
  .refine((input) => input.end > input.start, { message: "codingOffsetInvalid", path: ["end"] });
export type CreateHighlightInput = z.input<typeof createHighlightSchema>;

export const highlightTagSchema = z.object({ highlightId: z.uuid({ message: "notFound" }), tagId: z.uuid({ message: "notFound" }) });
export const highlightRefSchema = z.object({ highlightId: z.uuid({ message: "notFound" }) });
export const itemRefSchema = z.object({ itemId: z.uuid({ message: "notFound" }) });

const tagName = z.string().trim().min(1, { message: "codingTagNameRequired" }).max(60, { message: "codingTagNameTooLong" }).refine(isStorableText, { message: "textInvalid" });
const tagDescription = z.string().trim().max(500, { message: "codingTagDescriptionTooLong" }).refine(isStorableText, { message: "textInvalid" });
const tagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "codingTagColorInvalid" }).transform((color) => color.toLowerCase());

export const createTagSchema = z.object({ name: tagName, description: tagDescription.default(""), color: tagColor.default("#64748b") });
export type CreateTagInput = z.input<typeof createTagSchema>;

export const updateTagSchema = z.object({ tagId: z.uuid({ message: "notFound" }), name: tagName, description: tagDescription.default(""), color: tagColor });
export type UpdateTagInput = z.input<typeof updateTagSchema>;

export const moveTagSchema = z.object({ tagId: z.uuid({ message: "notFound" }), direction: z.enum(["up", "down"]) });
export const deleteTagSchema = z.object({ tagId: z.uuid({ message: "notFound" }) });
export const mergeTagsSchema = z
  .object({ sourceTagId: z.uuid({ message: "notFound" }), targetTagId: z.uuid({ message: "codingMergeTargetRequired" }) })
  .refine((input) => input.sourceTagId !== input.targetTagId, { message: "codingMergeSameTag", path: ["targetTagId"] });

export const decideSuggestionSchema = z.object({ suggestionId: z.uuid({ message: "notFound" }), decision: z.enum(["accept", "dismiss"]) });
export const decideSentimentSchema = z.object({ itemId: z.uuid({ message: "notFound" }), decision: z.enum(["accept", "dismiss"]) });

export const agreementQuerySchema = z.object({ a: optional(z.string().min(1).max(100)), b: optional(z.string().min(1).max(100)) });

export const listHighlightsSchema = z.object({
  tagId: optional(z.uuid()),
  themeId: optional(z.uuid()),
  search: optional(z.string().trim().min(1).max(200)),
  cursor: optional(z.string().max(200)),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListHighlightsInput = z.input<typeof listHighlightsSchema>;

/** Keyset cursor: the last row's id; the query compares against that row's own timestamp, to the microsecond. */
export function decodeCursor(cursor: string | undefined): string | null {
  return cursor && z.uuid().safeParse(cursor).success ? cursor : null;
}
