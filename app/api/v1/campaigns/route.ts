// GET /api/v1/campaigns – list campaigns; POST /api/v1/campaigns – create one
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/campaigns";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaignPage } from "@/lib/campaigns/get-campaign";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listCampaigns, ({ db, actor, org, query }) => listCampaignPage(db, actor, org, query));

export const POST = apiRoute(operations.createCampaign, ({ db, actor, org, body }) => createCampaign(db, actor, org.id, body));
