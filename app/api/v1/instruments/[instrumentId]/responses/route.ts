// GET /api/v1/instruments/{instrumentId}/responses – an instrument's responses, filtered and paged
// POST /api/v1/instruments/{instrumentId}/responses – submit a participant's completed answers (Idempotency-Key)
import { apiRoute } from "@/lib/api/api-route";
import { listInstrumentResponsesHandler, createParticipantResponseHandler } from "@/lib/api/handlers/responses";
import { listInstrumentResponsesOperation, createParticipantResponseOperation } from "@/lib/api/operations/responses";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listInstrumentResponsesOperation, listInstrumentResponsesHandler);
export const POST = apiRoute(createParticipantResponseOperation, createParticipantResponseHandler);
