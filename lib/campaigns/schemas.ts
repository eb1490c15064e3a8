import { z } from "zod";

export const CAMPAIGN_STATUSES = ["idea", "testing", "decided", "launched", "reviewed"] as const;

// "Poland, Baltics" in a form field, or a list from the API.
const tagList = (message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
    z.array(z.string().trim().min(1, { message }).max(60, { message })).max(20, { message }),
  );

export const createCampaignSchema = z.object({
  name: z.string().trim().min(2, { message: "campaignNameTooShort" }).max(120, { message: "campaignNameTooLong" }),
  markets: tagList("campaignTagsInvalid").default([]),
  audiences: tagList("campaignTagsInvalid").default([]),
});
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

export const campaignIdSchema = z.uuid({ message: "notFound" });

export const setCampaignStatusSchema = z.object({
  campaignId: campaignIdSchema,
  status: z.enum(CAMPAIGN_STATUSES, { message: "campaignStatusInvalid" }),
});

const copyText = z.string().trim().max(2000, { message: "conceptCopyTooLong" }).default("");
export const addConceptSchema = z
  .object({
    campaignId: campaignIdSchema,
    title: z.string().trim().min(1, { message: "conceptTitleRequired" }).max(120, { message: "conceptTitleTooLong" }),
    copyEn: copyText,
    copyPl: copyText,
    copyRu: copyText,
  })
  .refine((concept) => concept.copyEn || concept.copyPl || concept.copyRu, { message: "conceptCopyRequired", path: ["copyEn"] });
export type AddConceptInput = z.input<typeof addConceptSchema>;
