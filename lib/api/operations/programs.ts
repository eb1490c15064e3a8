import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { defineOperation } from "../operation";
import { pageOf, pageQuerySchema } from "../common-schemas";
import { timestampSchema } from "./shared-schemas";

const PROGRAM_KINDS = ["council", "frontline", "panel"] as const;
const PROGRAM_STATUSES = ["active", "archived"] as const;
const locale = z.enum(LOCALES);

export const programParamsSchema = z.object({ programId: z.uuid("idInvalid") });

export const programSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(PROGRAM_KINDS).meta({ description: "council: an advisory council of customers with recurring sessions; panel: customers asked when a study needs them; frontline: the organization's one monthly staff pulse." }),
    name: z.string(),
    purpose: z.string(),
    status: z.enum(PROGRAM_STATUSES),
    defaultLocale: locale,
    targetSize: z.number().int().nullable(),
    activeMembers: z.number().int().nullable().meta({ description: "Members who consented and take part; null for frontline, whose staff roster is the organization's frontline members." }),
    createdAt: timestampSchema,
  })
  .meta({ id: "ProgramSummary" });

const compositionTargetSchema = z.object({ attribute: z.string(), value: z.string(), share: z.number().min(0).max(100) }).meta({ id: "CompositionTarget", description: "A target share (0–100) of the council for one profile attribute value, e.g. region north at 25." });
const panelQuotaSchema = z.object({ attribute: z.string(), value: z.string(), minShare: z.number().min(0).max(100) }).meta({ id: "PanelQuota", description: "A minimum share (0–100) of the panel for one attribute value." });

const scheduleFields = {
  openDay: z.number().int().meta({ description: "Day of the month a cycle opens (1–28)." }),
  openForDays: z.number().int().meta({ description: "How many days a cycle stays open." }),
  maxReminders: z.number().int(),
  reminderEveryDays: z.number().int(),
};

const councilSchema = z
  .object({
    kind: z.literal("council"),
    id: z.uuid(),
    name: z.string(),
    purpose: z.string(),
    consentText: z.string(),
    defaultLocale: locale,
    status: z.enum(PROGRAM_STATUSES),
    cadence: z.enum(["monthly", "quarterly", "custom"]),
    cadenceMonths: z.number().int(),
    startsOn: timestampSchema,
    ...scheduleFields,
    targetSize: z.number().int().nullable(),
    compositionTargets: z.array(compositionTargetSchema),
    templateInstrumentId: z.uuid().nullable().meta({ description: "The survey every session answers (each session gets its own frozen copy)." }),
    activeMembers: z.number().int(),
    sessions: z.array(z.object({ id: z.uuid(), sequence: z.number().int(), opensAt: timestampSchema, closesAt: timestampSchema, status: z.enum(["scheduled", "open", "closed"]) })),
    createdAt: timestampSchema,
  })
  .meta({ id: "Council" });

const panelSchema = z
  .object({
    kind: z.literal("panel"),
    id: z.uuid(),
    name: z.string(),
    purpose: z.string(),
    consentText: z.string(),
    defaultLocale: locale,
    status: z.enum(PROGRAM_STATUSES),
    targetSize: z.number().int().nullable(),
    panelQuotas: z.array(panelQuotaSchema),
    activeMembers: z.number().int(),
    createdAt: timestampSchema,
  })
  .meta({ id: "Panel" });

const frontlineProgramSchema = z
  .object({ kind: z.literal("frontline"), id: z.uuid(), name: z.string(), status: z.enum(PROGRAM_STATUSES), ...scheduleFields, templateInstrumentId: z.uuid().nullable() })
  .meta({ id: "FrontlineProgram" });

export const programSchema = z.discriminatedUnion("kind", [councilSchema, panelSchema, frontlineProgramSchema]).meta({ id: "Program" });

const settingsText = {
  name: z.string().meta({ description: "2–120 characters." }),
  purpose: z.string().meta({ description: "Why the program exists, shown to members: 10–2000 characters." }),
  consentText: z.string().optional().meta({ description: "What members consent to on joining; a default text in the program's language when omitted." }),
  defaultLocale: locale.optional().meta({ description: "Default en." }),
  targetSize: z.number().int().nullable().optional(),
};
const councilSettings = {
  cadence: z.enum(["monthly", "quarterly", "custom"]).optional().meta({ description: "Default quarterly; custom needs cadenceMonths." }),
  cadenceMonths: z.number().int().optional().meta({ description: "For a custom cadence: a session every this many months (1–12)." }),
  openDay: z.number().int().optional().meta({ description: "Day of the month a session opens (1–28, default 1)." }),
  openForDays: z.number().int().optional().meta({ description: "1–60, default 14." }),
  maxReminders: z.number().int().optional().meta({ description: "0–5, default 2." }),
  reminderEveryDays: z.number().int().optional().meta({ description: "1–14, default 3." }),
  compositionTargets: z.array(compositionTargetSchema).optional(),
};

const createCouncilSchema = z
  .object({
    kind: z.literal("council"),
    ...settingsText,
    ...councilSettings,
    startsOn: z.iso.date("dateInvalid").optional().meta({ description: "YYYY-MM-DD of the first session; the start of next quarter when omitted." }),
    surveyInstrumentId: z.uuid("idInvalid").optional().meta({ description: "A published instrument every session answers; a default council survey is created when omitted." }),
  })
  .meta({ id: "CreateCouncil" });
const createPanelSchema = z.object({ kind: z.literal("panel"), ...settingsText, panelQuotas: z.array(panelQuotaSchema).optional() }).meta({ id: "CreatePanel" });
const createFrontlineSchema = z
  .object({
    kind: z.literal("frontline"),
    openDay: scheduleFields.openDay,
    openForDays: z.number().int().meta({ description: "1–27." }),
    maxReminders: z.number().int().meta({ description: "0–5." }),
    reminderEveryDays: z.number().int().meta({ description: "1–14." }),
    isActive: z.boolean().default(true).meta({ description: "false keeps the program paused: no cycle opens." }),
  })
  .meta({ id: "CreateFrontlineProgram", description: "The organization's one frontline program: the default monthly pulse, first cycle on the next open day." });

export const createProgramBodySchema = z.discriminatedUnion("kind", [createCouncilSchema, createPanelSchema, createFrontlineSchema]).meta({ id: "CreateProgram" });

export const programPatchSchema = z
  .strictObject({
    ...settingsText,
    name: settingsText.name.optional(),
    purpose: settingsText.purpose.optional(),
    ...councilSettings,
    panelQuotas: z.array(panelQuotaSchema).optional(),
    isActive: z.boolean().optional().meta({ description: "Frontline only: false pauses it." }),
  })
  .meta({
    id: "ProgramPatch",
    description:
      "The settings to change; the others keep their values. Councils take name, purpose, consentText, defaultLocale, cadence, cadenceMonths, openDay, openForDays, maxReminders, reminderEveryDays, targetSize and compositionTargets; panels name, purpose, consentText, defaultLocale, targetSize and panelQuotas; the frontline program openDay, openForDays, maxReminders, reminderEveryDays and isActive. A changed consentText asks members to consent again.",
  });

export const listProgramsOperation = defineOperation({
  operationId: "listPrograms",
  method: "get",
  path: "/programs",
  tag: "Programs",
  summary: "List programs",
  description: "The organization's councils, panels and frontline program, newest first.",
  scope: "programs:read",
  query: pageQuerySchema.extend({ kind: z.enum(PROGRAM_KINDS, "programKindInvalid").optional(), status: z.enum(PROGRAM_STATUSES, "programStatusInvalid").optional() }),
  success: { status: 200, description: "One page of programs", schema: pageOf(programSummarySchema, "ProgramPage") },
});

export const getProgramOperation = defineOperation({
  operationId: "getProgram",
  method: "get",
  path: "/programs/{programId}",
  tag: "Programs",
  summary: "Get a program",
  description: "A program with the settings of its kind: a council with its sessions, a panel with its quotas, or the frontline program's schedule.",
  scope: "programs:read",
  params: programParamsSchema,
  success: { status: 200, description: "The program", schema: programSchema },
  problems: [404],
});

export const createProgramOperation = defineOperation({
  operationId: "createProgram",
  method: "post",
  path: "/programs",
  tag: "Programs",
  summary: "Create a program",
  description: "Creates a council (with its default survey and first session unless surveyInstrumentId names a published one), a panel, or the organization's one frontline program (409 if it exists), validated as in the app. A council's default survey is an instrument: creating a council without surveyInstrumentId also needs instruments:write.",
  scope: "programs:write",
  body: createProgramBodySchema,
  success: { status: 201, description: "The program created", schema: programSchema },
  problems: [404, 409],
});

export const updateProgramOperation = defineOperation({
  operationId: "updateProgram",
  method: "patch",
  path: "/programs/{programId}",
  tag: "Programs",
  summary: "Change a program's settings",
  description: "Changes the settings sent. Sessions or cycles already open keep their dates; later ones follow the new schedule.",
  scope: "programs:write",
  params: programParamsSchema,
  body: programPatchSchema,
  success: { status: 200, description: "The program after the change", schema: programSchema },
  problems: [404],
});

export const PROGRAM_OPERATIONS = [listProgramsOperation, getProgramOperation, createProgramOperation, updateProgramOperation];
