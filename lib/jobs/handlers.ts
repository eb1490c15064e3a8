import "server-only";
import type { JobHandlers } from "./queue";

/** Every kind of background job and the domain function that does it. */
export const jobHandlers: JobHandlers = {};
