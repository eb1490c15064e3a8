// PUT /api/v1/instruments/{instrumentId}/draft – replace the draft (409 on a stale revision)
import { apiRoute } from "@/lib/api/api-route";
import { saveInstrumentDraftHandler } from "@/lib/api/handlers/instruments";
import { saveInstrumentDraftOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(saveInstrumentDraftOperation, saveInstrumentDraftHandler);
