// GET /api/v1/instruments/{instrumentId}/versions/{version} – one version's frozen definition
import { apiRoute } from "@/lib/api/api-route";
import { getInstrumentVersionHandler } from "@/lib/api/handlers/instruments";
import { getInstrumentVersionOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getInstrumentVersionOperation, getInstrumentVersionHandler);
