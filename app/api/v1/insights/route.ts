// GET /api/v1/insights – published insights, most recently published first
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/insights";
import { listPublishedInsights } from "@/lib/insights/get-insight";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listInsights, ({ db, actor, org, query }) => listPublishedInsights(db, actor, org, query));
