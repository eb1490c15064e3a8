import type { ApiOperation } from "../operation";
import * as campaigns from "./campaigns";
import * as decisions from "./decisions";
import * as insights from "./insights";
import * as kpis from "./kpis";
import { getOrganization } from "./organization";
import { INSTRUMENT_OPERATIONS } from "./instruments";
import * as participants from "./participants";
import { PROGRAM_OPERATIONS } from "./programs";
import { RESPONSE_OPERATIONS } from "./responses";

/** Every operation of /api/v1, in the order the reference shows them. */
export const API_OPERATIONS: ApiOperation[] = [
  getOrganization,
  ...PROGRAM_OPERATIONS,
  ...INSTRUMENT_OPERATIONS,
  ...RESPONSE_OPERATIONS,
  participants.listParticipants,
  participants.createParticipant,
  participants.getParticipant,
  participants.updateParticipant,
  participants.eraseParticipant,
  kpis.listKpis,
  kpis.getKpiValues,
  campaigns.listCampaigns,
  campaigns.createCampaign,
  campaigns.getCampaign,
  decisions.listDecisions,
  decisions.recordDecision,
  insights.listInsights,
  insights.getInsight,
];

export const API_TAGS: Array<{ name: string; description: string }> = [
  { name: "Organization", description: "The organization an API key belongs to." },
  { name: "Programs", description: "Advisory councils, panels and the frontline program." },
  { name: "Instruments", description: "Surveys and their published versions: drafts, publishing, opening for answers." },
  { name: "Responses", description: "Responses one by one, and answers submitted on a participant's behalf." },
  { name: "Participants", description: "Customers (and, read-only, frontline staff) of the organization: profiles, segment attributes, erasure." },
  { name: "KPIs", description: "KPI values with n and 95% intervals; groups under the anonymity threshold are withheld as in the app." },
  { name: "Campaigns", description: "Campaigns and their concepts." },
  { name: "Decisions", description: "The append-only decision log with frozen evidence." },
  { name: "Insights", description: "Published insights with how many people and segments stand behind them." },
];
