// GET /api/v1/participants – list participants; POST /api/v1/participants – add one
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/participants";
import { addParticipant } from "@/lib/participants/add-participant";
import { listParticipants } from "@/lib/participants/list-participants";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listParticipants, ({ db, actor, org, query }) => listParticipants(db, actor, org, query));

export const POST = apiRoute(operations.createParticipant, ({ db, actor, org, body }) => addParticipant(db, actor, org, body));
