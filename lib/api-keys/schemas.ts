import { z } from "zod";
import { apiScopeSchema } from "./scopes";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"),
  scopes: z.array(apiScopeSchema, { error: "scopesInvalid" }).min(1, "scopesRequired").max(50),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
