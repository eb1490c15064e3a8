// GET, PATCH, DELETE /api/v1/participants/{participantId} – read, change or erase one participant
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/participants";
import { eraseParticipant } from "@/lib/participants/erase-participant";
import { getParticipant } from "@/lib/participants/list-participants";
import { updateParticipant } from "@/lib/participants/update-participant";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getParticipant, ({ db, actor, org, params }) => getParticipant(db, actor, org, params.participantId));

export const PATCH = apiRoute(operations.updateParticipant, ({ db, actor, org, params, body }) => updateParticipant(db, actor, org, params.participantId, body));

export const DELETE = apiRoute(operations.eraseParticipant, ({ db, actor, org, params, body }) => eraseParticipant(db, actor, org, params.participantId, body));
