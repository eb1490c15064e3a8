// GET /api/v1/campaigns/{campaignId} – one campaign with its concepts
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/campaigns";
import { getCampaign } from "@/lib/campaigns/get-campaign";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getCampaign, ({ db, actor, org, params }) => getCampaign(db, actor, org, params.campaignId));
