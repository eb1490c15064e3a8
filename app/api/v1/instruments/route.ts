// GET /api/v1/instruments – list instruments
// POST /api/v1/instruments – create an instrument from a whole definition
import { apiRoute } from "@/lib/api/api-route";
import { listInstrumentsHandler, createInstrumentHandler } from "@/lib/api/handlers/instruments";
import { listInstrumentsOperation, createInstrumentOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listInstrumentsOperation, listInstrumentsHandler);
export const POST = apiRoute(createInstrumentOperation, createInstrumentHandler);
