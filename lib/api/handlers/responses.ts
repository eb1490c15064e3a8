import "server-only";
import { z } from "zod";
import { keysetCursorSchema } from "@/lib/pagination/keyset-cursor";
import { getResponseById } from "@/lib/responses/get-response";
import { listResponses } from "@/lib/responses/list-responses";
import { responseIdForIdempotencyKey } from "@/lib/responses/api-response-id";
import { submitParticipantResponse } from "@/lib/responses/submit-participant-response";
import { isAnswerable } from "@/lib/instruments/definition";
import { replayed } from "../api-route";
import { decodeCursor, encodeCursor } from "../common-schemas";
import type * as operations from "../operations/responses";
import type { HandlerOf } from "./handler";

const cursorShape = z.tuple([keysetCursorSchema]);

// GET /instruments/{instrumentId}/responses
export const listInstrumentResponsesHandler: HandlerOf<typeof operations.listInstrumentResponsesOperation> = async ({ db, actor, org, params, query }) => {
  const { cursor, limit, ...filters } = query;
  const [after] = (decodeCursor(cursor, cursorShape) ?? []) as string[];
  const page = await listResponses(db, actor, org, params.instrumentId, { ...filters, after }, limit);
  return { data: page.responses, nextCursor: page.nextCursor ? encodeCursor([page.nextCursor]) : null };
};

// GET /responses/{responseId}
export const getResponseHandler: HandlerOf<typeof operations.getResponseOperation> = async ({ db, actor, org, params }) => {
  const { instrument, response } = await getResponseById(db, actor, org, params.responseId);
  const { definition, answers, ...rest } = response;
  return {
    ...rest,
    instrumentId: instrument.id,
    answers: definition.questions.filter((question) => isAnswerable(question) && answers[question.id] !== undefined).map((question) => ({ questionId: question.id, itemCode: question.code ?? null, type: question.type, value: answers[question.id] })),
  };
};

// POST /instruments/{instrumentId}/responses
export const createParticipantResponseHandler: HandlerOf<typeof operations.createParticipantResponseOperation> = async ({ db, actor, org, params, body, idempotencyKey }) => {
  const responseId = responseIdForIdempotencyKey(actor.organizationId, idempotencyKey!);
  const { isRepeat, ...response } = await submitParticipantResponse(db, actor, org, { ...body, instrumentId: params.instrumentId, responseId });
  return isRepeat ? replayed(response) : response;
};
