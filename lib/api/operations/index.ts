import type { ApiOperation } from "../operation";
import { getOrganization } from "./organization";
import { INSTRUMENT_OPERATIONS } from "./instruments";
import { PROGRAM_OPERATIONS } from "./programs";
import { RESPONSE_OPERATIONS } from "./responses";

/** Every operation of /api/v1, in the order the reference shows them. */
export const API_OPERATIONS: ApiOperation[] = [
  getOrganization,
  ...PROGRAM_OPERATIONS,
  ...INSTRUMENT_OPERATIONS,
  ...RESPONSE_OPERATIONS,
];

export const API_TAGS: Array<{ name: string; description: string }> = [
  { name: "Organization", description: "The organization an API key belongs to." },
  { name: "Programs", description: "Advisory councils, panels and the frontline program." },
  { name: "Instruments", description: "Surveys and their published versions: drafts, publishing, opening for answers." },
  { name: "Responses", description: "Responses one by one, and answers submitted on a participant's behalf." },
];
