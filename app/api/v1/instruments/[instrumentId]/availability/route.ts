// POST /api/v1/instruments/{instrumentId}/availability – open or close for answers, and set the audience
import { apiRoute } from "@/lib/api/api-route";
import { setInstrumentAvailabilityHandler } from "@/lib/api/handlers/instruments";
import { setInstrumentAvailabilityOperation } from "@/lib/api/operations/instruments";

export const dynamic = "force-dynamic";

export const POST = apiRoute(setInstrumentAvailabilityOperation, setInstrumentAvailabilityHandler);
