import type { ApiOperation } from "../operation";
import { getOrganization } from "./organization";

/** Every operation of /api/v1, in the order the reference shows them. */
export const API_OPERATIONS: ApiOperation[] = [getOrganization];

export const API_TAGS: Array<{ name: string; description: string }> = [
  { name: "Organization", description: "The organization an API key belongs to." },
];
