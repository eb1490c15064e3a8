import { z } from "zod";
import { isStorableText, longText } from "@/lib/storable-text";

// Messages are catalog keys: "themes.errors.*" for this domain's own, "errors.*" for the shared ones.

export const themeFieldsSchema = z.object({
  name: z.string().trim().min(1, { message: "themeNameRequired" }).max(80, { message: "themeNameTooLong" }).refine(isStorableText, { message: "textInvalid" }),
  description: longText(1000).default(""),
});
export type ThemeFieldsInput = z.input<typeof themeFieldsSchema>;

export const themeIdSchema = z.object({ themeId: z.uuid({ message: "notFound" }) });

export const updateThemeSchema = z.intersection(themeFieldsSchema, themeIdSchema);
export type UpdateThemeInput = z.input<typeof updateThemeSchema>;

export const themeTagSchema = z.object({ themeId: z.uuid({ message: "notFound" }), tagId: z.uuid({ message: "tagRequired" }) });
export type ThemeTagInput = z.input<typeof themeTagSchema>;
