// GET /api/v1/responses/{responseId} – one response with its answers
import { apiRoute } from "@/lib/api/api-route";
import { getResponseHandler } from "@/lib/api/handlers/responses";
import { getResponseOperation } from "@/lib/api/operations/responses";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getResponseOperation, getResponseHandler);
