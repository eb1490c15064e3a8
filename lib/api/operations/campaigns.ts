import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/lib/campaigns/schemas";
import { pageOf, pageQuerySchema, timestampSchema } from "../common-schemas";
import { defineOperation } from "../operation";

const campaignFields = {
  id: z.uuid(),
  name: z.string(),
  markets: z.array(z.string()),
  audiences: z.array(z.string()),
  status: z.enum(CAMPAIGN_STATUSES).meta({ description: "idea → testing → decided → launched → reviewed; a recorded decision moves an idea or a test to decided." }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

export const campaignSummarySchema = z.object(campaignFields).meta({ id: "CampaignSummary" });

export const campaignSchema = z
  .object({
    ...campaignFields,
    concepts: z.array(
      z
        .object({
          id: z.uuid(),
          title: z.string(),
          copy: z.object({ en: z.string().optional(), pl: z.string().optional(), ru: z.string().optional() }).meta({ description: "The concept's copy in each language it has." }),
          hasImage: z.boolean(),
          position: z.number().int(),
        })
        .meta({ id: "CampaignConcept" }),
    ),
  })
  .meta({ id: "Campaign" });

export const listCampaigns = defineOperation({
  operationId: "listCampaigns",
  method: "get",
  path: "/campaigns",
  tag: "Campaigns",
  summary: "List campaigns",
  description: "The organization's campaigns, newest first.",
  scope: "campaigns:read",
  query: pageQuerySchema,
  success: { status: 200, description: "A page of campaigns", schema: pageOf(campaignSummarySchema, "CampaignPage") },
});

export const getCampaign = defineOperation({
  operationId: "getCampaign",
  method: "get",
  path: "/campaigns/{campaignId}",
  tag: "Campaigns",
  summary: "Get a campaign with its concepts",
  scope: "campaigns:read",
  params: z.object({ campaignId: z.uuid("idInvalid") }),
  problems: [404],
  success: { status: 200, description: "The campaign", schema: campaignSchema },
});

export const createCampaign = defineOperation({
  operationId: "createCampaign",
  method: "post",
  path: "/campaigns",
  tag: "Campaigns",
  summary: "Create a campaign",
  description: "A new campaign in the idea status, as the campaigns page creates one.",
  scope: "campaigns:write",
  body: z
    .object({
      name: z.string().min(2, "campaignNameTooShort").max(120, "campaignNameTooLong").meta({ example: "Winter coats" }),
      markets: z.array(z.string().min(1, "campaignTagsInvalid").max(60, "campaignTagsInvalid")).max(20, "campaignTagsInvalid").optional(),
      audiences: z.array(z.string().min(1, "campaignTagsInvalid").max(60, "campaignTagsInvalid")).max(20, "campaignTagsInvalid").optional(),
    })
    .meta({ id: "CampaignCreate" }),
  success: { status: 201, description: "The campaign created", schema: campaignSchema },
});
