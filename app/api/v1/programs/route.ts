// GET /api/v1/programs – list programs
// POST /api/v1/programs – create a council, panel or the frontline program
import { apiRoute } from "@/lib/api/api-route";
import { listProgramsHandler, createProgramHandler } from "@/lib/api/handlers/programs";
import { listProgramsOperation, createProgramOperation } from "@/lib/api/operations/programs";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listProgramsOperation, listProgramsHandler);
export const POST = apiRoute(createProgramOperation, createProgramHandler);
