// GET /api/v1/decisions – the decision log, newest first; POST /api/v1/decisions – append a decision
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/decisions";
import { listDecisionPage } from "@/lib/decisions/list-decisions";
import { publicDecision } from "@/lib/decisions/public-decision";
import { recordDecision } from "@/lib/decisions/record-decision";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listDecisions, ({ db, actor, org, query }) => listDecisionPage(db, actor, org, query));

export const POST = apiRoute(operations.recordDecision, async ({ db, actor, org, body }) => publicDecision(await recordDecision(db, actor, org.id, body)));
