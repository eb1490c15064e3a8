import { z } from "zod";
import { definitionSchema } from "@/lib/instruments/definition";
import { defineOperation } from "../operation";
import { pageOf, pageQuerySchema } from "../common-schemas";
import { timestampSchema } from "./shared-schemas";

const AUDIENCES = ["participant", "frontline"] as const;

export const instrumentParamsSchema = z.object({ instrumentId: z.uuid("idInvalid") });
const versionParamsSchema = instrumentParamsSchema.extend({ version: z.coerce.number("versionInvalid").int("versionInvalid").min(1, "versionInvalid") });

const audienceSchema = z.array(z.enum(AUDIENCES)).meta({ description: "Who may answer while it is open: participant (customers: council and panel members, or anyone for an instrument outside programs) and/or frontline (staff)." });

const stateFields = {
  id: z.uuid(),
  name: z.string(),
  latestVersion: z.number().int().meta({ description: "The latest published version; 0 before the first publication." }),
  hasUnpublishedChanges: z.boolean(),
  isOpen: z.boolean().meta({ description: "Open to its audience for answers (always its latest version)." }),
  audience: audienceSchema,
  updatedAt: timestampSchema,
};

export const instrumentSummarySchema = z
  .object({
    ...stateFields,
    program: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(["council", "frontline", "panel"]) }).nullable().meta({ description: "The program whose cycle this instrument is, if any." }),
    completedResponses: z.number().int(),
    createdAt: timestampSchema,
  })
  .meta({ id: "InstrumentSummary" });

const versionSummarySchema = z.object({ version: z.number().int(), publishedAt: timestampSchema }).meta({ id: "InstrumentVersionSummary" });

export const instrumentSchema = z
  .object({
    ...stateFields,
    draft: definitionSchema,
    draftRevision: z.number().int().meta({ description: "Send it back with the next draft: a newer one on the server means someone else saved meanwhile (409)." }),
    versions: z.array(versionSummarySchema).meta({ description: "Published versions, newest first." }),
  })
  .meta({ id: "Instrument" });

export const instrumentVersionSchema = z.object({ version: z.number().int(), publishedAt: timestampSchema, definition: definitionSchema }).meta({ id: "InstrumentVersion" });

const nameSchema = z.string().meta({ description: "2–120 characters." });

export const listInstrumentsOperation = defineOperation({
  operationId: "listInstruments",
  method: "get",
  path: "/instruments",
  tag: "Instruments",
  summary: "List instruments",
  description: "The organization's instruments (surveys, polls, program cycles' forms), newest first.",
  scope: "instruments:read",
  query: pageQuerySchema.extend({
    programId: z.union([z.uuid("idInvalid"), z.literal("none")]).optional().meta({ description: "Only the instruments of this program; none: only those of no program." }),
  }),
  success: { status: 200, description: "One page of instruments", schema: pageOf(instrumentSummarySchema, "InstrumentPage") },
});

export const getInstrumentOperation = defineOperation({
  operationId: "getInstrument",
  method: "get",
  path: "/instruments/{instrumentId}",
  tag: "Instruments",
  summary: "Get an instrument",
  description: "The instrument's draft, its revision, its published versions and whether it is open.",
  scope: "instruments:read",
  params: instrumentParamsSchema,
  success: { status: 200, description: "The instrument", schema: instrumentSchema },
  problems: [404],
});

export const createInstrumentOperation = defineOperation({
  operationId: "createInstrument",
  method: "post",
  path: "/instruments",
  tag: "Instruments",
  summary: "Create an instrument",
  description: "Creates an instrument whose draft is the definition sent, validated as the builder validates it. Publish it to let people answer.",
  scope: "instruments:write",
  body: z.object({ name: nameSchema, definition: definitionSchema }).meta({ id: "CreateInstrument" }),
  success: { status: 201, description: "The instrument created", schema: instrumentSchema },
});

export const saveInstrumentDraftOperation = defineOperation({
  operationId: "saveInstrumentDraft",
  method: "put",
  path: "/instruments/{instrumentId}/draft",
  tag: "Instruments",
  summary: "Replace the draft",
  description: "Replaces the draft. Published versions never change: respondents keep answering the latest published one until the draft is published.",
  scope: "instruments:write",
  params: instrumentParamsSchema,
  body: z
    .object({ name: nameSchema, revision: z.number().int().min(1).meta({ description: "The draftRevision this draft was based on; 409 when someone saved since." }), definition: definitionSchema })
    .meta({ id: "SaveInstrumentDraft" }),
  success: { status: 200, description: "The instrument with its new draft revision", schema: instrumentSchema },
  problems: [404, 409],
});

export const publishInstrumentOperation = defineOperation({
  operationId: "publishInstrument",
  method: "post",
  path: "/instruments/{instrumentId}/publish",
  tag: "Instruments",
  summary: "Publish the draft",
  description:
    "Freezes the draft as the next version. Refused with 422 while a required language is missing a text (each missing text in errors, pointing where a draft carries it, e.g. /body/definition/questions/2/prompt/pl) or nothing can be answered, and with 409 when a question id is reused with another type or scale.",
  scope: "instruments:write",
  params: instrumentParamsSchema,
  success: { status: 201, description: "The version published", schema: versionSummarySchema },
  problems: [404, 409],
});

export const setInstrumentAvailabilityOperation = defineOperation({
  operationId: "setInstrumentAvailability",
  method: "post",
  path: "/instruments/{instrumentId}/availability",
  tag: "Instruments",
  summary: "Open or close for answers",
  description: "Opens a published instrument to its audience, or closes it. Opening one never published is a 409.",
  scope: "instruments:write",
  params: instrumentParamsSchema,
  body: z.object({ isOpen: z.boolean(), audience: audienceSchema }).meta({ id: "InstrumentAvailability" }),
  success: { status: 200, description: "The instrument", schema: instrumentSchema },
  problems: [404, 409],
});

export const listInstrumentVersionsOperation = defineOperation({
  operationId: "listInstrumentVersions",
  method: "get",
  path: "/instruments/{instrumentId}/versions",
  tag: "Instruments",
  summary: "List published versions",
  scope: "instruments:read",
  params: instrumentParamsSchema,
  success: { status: 200, description: "Published versions, newest first", schema: z.object({ data: z.array(versionSummarySchema) }).meta({ id: "InstrumentVersionList" }) },
  problems: [404],
});

export const getInstrumentVersionOperation = defineOperation({
  operationId: "getInstrumentVersion",
  method: "get",
  path: "/instruments/{instrumentId}/versions/{version}",
  tag: "Instruments",
  summary: "Get a published version",
  description: "The frozen definition that responses to this version answered.",
  scope: "instruments:read",
  params: versionParamsSchema,
  success: { status: 200, description: "The version", schema: instrumentVersionSchema },
  problems: [404],
});

export const INSTRUMENT_OPERATIONS = [
  listInstrumentsOperation,
  getInstrumentOperation,
  createInstrumentOperation,
  saveInstrumentDraftOperation,
  publishInstrumentOperation,
  setInstrumentAvailabilityOperation,
  listInstrumentVersionsOperation,
  getInstrumentVersionOperation,
];
