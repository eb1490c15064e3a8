// GET /api/v1/programs/{programId} – one program with its kind's settings
// PATCH /api/v1/programs/{programId} – change a program's settings
import { apiRoute } from "@/lib/api/api-route";
import { getProgramHandler, updateProgramHandler } from "@/lib/api/handlers/programs";
import { getProgramOperation, updateProgramOperation } from "@/lib/api/operations/programs";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getProgramOperation, getProgramHandler);
export const PATCH = apiRoute(updateProgramOperation, updateProgramHandler);
