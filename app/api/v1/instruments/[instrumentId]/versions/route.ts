// GET /api/v1/instruments/{instrumentId}/versions – published versions
import { apiRoute } from "@/lib/api/api-route";
import { listInstrumentVersionsHandler } from "@/lib/api/handlers/instruments";
import { listInstrumentVersionsOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listInstrumentVersionsOperation, listInstrumentVersionsHandler);
