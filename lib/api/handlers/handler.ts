import type { handleApiRequest } from "../api-route";
import type { ApiOperation } from "../operation";

/** The function an operation's route runs (and its integration test, on a rolled-back database). */
export type HandlerOf<O extends ApiOperation> = Parameters<typeof handleApiRequest<O>>[2];
