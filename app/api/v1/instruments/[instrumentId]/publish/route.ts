// POST /api/v1/instruments/{instrumentId}/publish – freeze the draft as the next version
import { apiRoute } from "@/lib/api/api-route";
import { publishInstrumentHandler } from "@/lib/api/handlers/instruments";
import { publishInstrumentOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const POST = apiRoute(publishInstrumentOperation, publishInstrumentHandler);
