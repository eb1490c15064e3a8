import { z } from "zod";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { LOCALES } from "@/lib/i18n/locales";
import { defineOperation } from "../operation";

export const organizationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    defaultLocale: z.enum(LOCALES),
    minGroupSize: z.number().int().meta({ description: "Groups smaller than this are withheld from every aggregate, here as in the app." }),
    scopes: z.array(z.enum(API_SCOPES as [string, ...string[]])).meta({ description: "The scopes of the key making the request." }),
  })
  .meta({ id: "Organization" });

export const getOrganization = defineOperation({
  operationId: "getOrganization",
  method: "get",
  path: "/organization",
  tag: "Organization",
  summary: "The key's organization",
  description: "Every key acts in exactly one organization; this tells which, and what the key may do.",
  scope: "any",
  success: { status: 200, description: "The organization and the key's scopes", schema: organizationSchema },
});
