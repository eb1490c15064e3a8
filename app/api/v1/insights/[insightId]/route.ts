// GET /api/v1/insights/{insightId} – one published insight with its evidence counts
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/insights";
import { getInsight } from "@/lib/insights/get-insight";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getInsight, ({ db, actor, org, params }) => getInsight(db, actor, org, params.insightId));
