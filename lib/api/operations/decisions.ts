import { z } from "zod";
import { DECISION_KINDS } from "@/lib/decisions/schemas";
import { pageOf, pageQuerySchema, timestampSchema } from "../common-schemas";
import { defineOperation } from "../operation";
import { kpiValueSchema } from "./kpis";

const evidenceSchema = z
  .discriminatedUnion("type", [
    z
      .object({ type: z.literal("kpi"), key: z.string(), name: z.string(), period: z.enum(["monthly", "quarterly"]), periodStart: z.string().nullable(), target: z.number().nullable(), value: kpiValueSchema.nullable() })
      .meta({ id: "KpiEvidence", description: "A KPI's latest period as it stood, withheld as it was then." }),
    z
      .object({
        type: z.literal("resonance"),
        testId: z.uuid(),
        openedAt: z.string(),
        respondents: z.number().int(),
        invited: z.number().int(),
        concepts: z.array(z.object({ title: z.string(), resonance: kpiValueSchema, respectful: kpiValueSchema })),
      })
      .meta({ id: "ResonanceEvidence", description: "A resonance test's results per concept as they stood." }),
    z
      .object({ type: z.literal("quote"), testId: z.uuid(), conceptTitle: z.string(), text: z.string() })
      .meta({ id: "QuoteEvidence", description: "An open reaction quoted with its author's consent to be quoted; erasure takes it out." }),
    z
      .object({ type: z.literal("memo"), memoId: z.uuid(), programId: z.uuid(), programName: z.string(), sessionOpensAt: z.string(), title: z.string(), excerpt: z.string() })
      .meta({ id: "MemoEvidence", description: "A published council memo." }),
    z
      .object({ type: z.literal("insight"), insightId: z.uuid(), claim: z.string(), people: z.number().int(), segments: z.record(z.string(), z.number().int()), evidenceCount: z.number().int(), publishedAt: z.string() })
      .meta({ id: "InsightEvidence", description: "A published insight with how many people and segments its evidence came from." }),
  ])
  .meta({ id: "DecisionEvidence" });

export const decisionSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    kind: z.enum(DECISION_KINDS),
    rationale: z.string(),
    decidedByName: z.string().meta({ description: "Who decided, as the log keeps it; for a decision recorded through the API, the key's name." }),
    decidedAt: timestampSchema,
    correctsDecisionId: z.uuid().nullable().meta({ description: "The earlier entry this one corrects; entries are never changed." }),
    expectedKpiKeys: z.array(z.string()).meta({ description: "KPIs the decision expects to move." }),
    evidence: z.array(evidenceSchema).meta({ description: "The evidence cited, frozen when the decision was recorded." }),
  })
  .meta({ id: "Decision" });

export const listDecisions = defineOperation({
  operationId: "listDecisions",
  method: "get",
  path: "/decisions",
  tag: "Decisions",
  summary: "List decisions",
  description: "The decision log, newest first, with each entry's frozen evidence. The log is append-only: a correction is a new entry naming the one it corrects.",
  scope: "decisions:read",
  query: pageQuerySchema.extend({ campaignId: z.uuid("idInvalid").optional().meta({ description: "Only this campaign's decisions." }) }),
  success: { status: 200, description: "A page of decisions", schema: pageOf(decisionSchema, "DecisionPage") },
});

const idList = z.array(z.uuid("decisionEvidenceUnknown")).max(20, "decisionTooMuchEvidence").optional();
const keyList = z.array(z.string().min(1, "decisionKpiUnknown").max(80, "decisionKpiUnknown")).max(20, "decisionTooManyKpis").optional();

export const recordDecision = defineOperation({
  operationId: "recordDecision",
  method: "post",
  path: "/decisions",
  tag: "Decisions",
  summary: "Record a decision",
  description:
    "Appends a decision to a campaign's log with the cited evidence frozen as it stands now: KPIs by key, resonance tests, published memos and insights by id, and quotes (`<testId>/<questionId>` of a consented open reaction) as the campaign page allows. A decision moves an idea or a test to decided.",
  scope: "decisions:write",
  body: z
    .object({
      campaignId: z.uuid("notFound"),
      kind: z.enum(DECISION_KINDS, "decisionKindInvalid"),
      rationale: z.string().min(10, "decisionRationaleTooShort").max(4000, "decisionRationaleTooLong").meta({ example: "Tested well in every market." }),
      evidenceKpiKeys: keyList,
      evidenceResonanceTestIds: idList,
      evidenceMemoIds: idList,
      evidenceInsightIds: idList,
      evidenceQuoteRefs: z.array(z.string().max(80, "decisionEvidenceUnknown")).max(20, "decisionTooMuchEvidence").optional(),
      expectedKpiKeys: keyList,
      correctsDecisionId: z.uuid("notFound").optional().meta({ description: "An earlier decision of the same campaign this one corrects." }),
    })
    .meta({ id: "DecisionCreate" }),
  problems: [404],
  success: { status: 201, description: "The decision recorded", schema: decisionSchema },
});
