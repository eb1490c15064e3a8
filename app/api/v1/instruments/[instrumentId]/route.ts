// GET /api/v1/instruments/{instrumentId} – an instrument's draft, versions and open state
import { apiRoute } from "@/lib/api/api-route";
import { getInstrumentHandler } from "@/lib/api/handlers/instruments";
import { getInstrumentOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getInstrumentOperation, getInstrumentHandler);
