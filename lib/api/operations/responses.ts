import { z } from "zod";
import { QUESTION_TYPES } from "@/lib/instruments/definition";
import { LOCALES } from "@/lib/i18n/locales";
import { responseFilterFieldsSchema } from "@/lib/responses/schemas";
import { defineOperation } from "../operation";
import { pageOf, pageQuerySchema } from "../common-schemas";
import { instrumentParamsSchema } from "./instruments";
import { nullableTimestampSchema, timestampSchema } from "./shared-schemas";

const STATUSES = ["completed", "in_progress"] as const;

const attributesSchema = z.record(z.string(), z.string()).meta({ description: "The respondent's segment attributes when they answered (region, team…), for splits." });

export const answerValueSchema = z
  .union([
    z.number().meta({ description: "likert, scale, rating" }),
    z.string().meta({ description: "single: the choice id; text: the text" }),
    z.array(z.string()).meta({ description: "ranking: every choice id, first ranked first" }),
    z.object({ choiceIds: z.array(z.string()), other: z.string().optional() }).meta({ description: "multiple: the choice ids, and other text when the question allows it" }),
    z.record(z.string(), z.number()).meta({ description: "matrix: a point per row id" }),
  ])
  .meta({ id: "AnswerValue", description: "An answer, by question type." });

export const responseSummarySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(STATUSES),
    locale: z.enum(LOCALES),
    version: z.number().int().meta({ description: "The instrument version answered." }),
    attributes: attributesSchema,
    updatedAt: timestampSchema,
    submittedAt: nullableTimestampSchema,
  })
  .meta({ id: "ResponseSummary", description: "A response; who answered is never part of it." });

export const responseSchema = z
  .object({
    id: z.uuid(),
    instrumentId: z.uuid(),
    status: z.enum(STATUSES),
    locale: z.enum(LOCALES),
    version: z.number().int(),
    attributes: attributesSchema,
    startedAt: timestampSchema,
    submittedAt: nullableTimestampSchema,
    answers: z.array(
      z
        .object({ questionId: z.string(), itemCode: z.string().nullable().meta({ description: "The item code KPIs are defined over, e.g. NPS." }), type: z.enum(QUESTION_TYPES), value: answerValueSchema })
        .meta({ id: "Answer" }),
    ),
  })
  .meta({ id: "Response", description: "One response with its answers in the order of the version's questions; who answered is never part of it." });

export const submittedResponseSchema = z
  .object({ id: z.uuid(), instrumentId: z.uuid(), status: z.enum(STATUSES), locale: z.enum(LOCALES), version: z.number().int(), submittedAt: nullableTimestampSchema })
  .meta({ id: "SubmittedResponse" });

const filters = responseFilterFieldsSchema.shape;

export const listInstrumentResponsesOperation = defineOperation({
  operationId: "listInstrumentResponses",
  method: "get",
  path: "/instruments/{instrumentId}/responses",
  tag: "Responses",
  summary: "List an instrument's responses",
  description:
    "Responses one by one, most recently changed first, filtered as in the app. A frontline pulse's answers are anonymous: they are never listed one by one (403 frontlineAnswersAnonymous), only in aggregate.",
  scope: "responses:read",
  params: instrumentParamsSchema,
  query: pageQuerySchema.extend({ status: filters.status.optional(), from: filters.from.optional(), to: filters.to.optional(), segment: filters.segment.optional(), q: filters.q.optional() }),
  success: { status: 200, description: "One page of responses", schema: pageOf(responseSummarySchema, "ResponsePage") },
  problems: [404],
});

export const getResponseOperation = defineOperation({
  operationId: "getResponse",
  method: "get",
  path: "/responses/{responseId}",
  tag: "Responses",
  summary: "Get a response",
  description: "One response with its answers. Opening one is recorded in the organization's audit log. A frontline pulse's responses are never shown one by one (403).",
  scope: "responses:read",
  params: z.object({ responseId: z.uuid("idInvalid") }),
  success: { status: 200, description: "The response", schema: responseSchema },
  problems: [404],
});

export const createParticipantResponseOperation = defineOperation({
  operationId: "createParticipantResponse",
  method: "post",
  path: "/instruments/{instrumentId}/responses",
  tag: "Responses",
  summary: "Submit a participant's answers",
  description:
    "Records the completed answers of a member who answered elsewhere, validated exactly as when they answer in Attune (422 with a pointer per question, /body/answers/{questionId}). The instrument must be open (409 otherwise), and the participant a member of the organization in its audience (and of its program, for a program's cycle). The Idempotency-Key names the response within the organization (its id is derived from the key): a retry returns the first response (200), the same key for anything else is a 409, and a participant who already answered the instrument is a 409.",
  scope: "responses:write",
  idempotent: true,
  params: instrumentParamsSchema,
  body: z
    .object({
      participantId: z.string().min(1, "participantCannotAnswer").max(100, "participantCannotAnswer").meta({ description: "The member's user id." }),
      locale: z.enum(LOCALES, "localeInvalid").meta({ description: "The language they answered in." }),
      answers: z.record(z.string().max(40), answerValueSchema).meta({ description: "An answer per question id; questions left out are unanswered." }),
    })
    .meta({ id: "ParticipantResponse" }),
  success: { status: 201, description: "The response recorded", schema: submittedResponseSchema },
  problems: [404, 409],
});

export const RESPONSE_OPERATIONS = [listInstrumentResponsesOperation, getResponseOperation, createParticipantResponseOperation];
