import "server-only";
import type { Db } from "@/db/client";
import type { SessionActor } from "@/lib/authz/require-permission";
import { createGroupCommit, createGroupedReader } from "@/lib/batching/group-commit";
import { env } from "@/lib/env";
import { AppError, RateLimitedError } from "@/lib/errors";
import { rateLimitHit, rateLimitKey, settleHit, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";
import { insertNewResponse, insertNewResponses, newResponseKeys, type NewResponse } from "./insert-new-response";
import { readCaptureContexts, respondentContext, type CaptureRead, type CaptureRequest } from "./respondent-context";
import { saveInContext, type SaveOptions, type SaveResult } from "./save-response";
import { responsePayloadSchema } from "./schemas";

/** A save or submission's JSON body: the longest instrument's answers with open texts at their limits fit well within it. */
export const MAX_RESPONSE_BODY_BYTES = 256 * 1024;

/** Saves and submits per signed-in session and minute (ATTUNE_RESPONSE_SAVES_PER_MINUTE). */
export const responseSaveRule = (): RateLimitRule => ({ name: "response-save", limit: env.ATTUNE_RESPONSE_SAVES_PER_MINUTE, windowSeconds: 60 });

/** How the capture path reads its requests' contexts and stores new responses. */
export interface ResponseCapture {
  read: (request: CaptureRequest) => Promise<CaptureRead>;
  store: (response: NewResponse) => Promise<boolean>;
}

/** One statement per request to read, one per new response to write. */
export const directResponseCapture = (db: Db): ResponseCapture => ({
  read: async (request) => (await readCaptureContexts(db, [request]))[0],
  store: (response) => insertNewResponse(db, response),
});

/**
 * For a busy server: the requests arriving while a read runs are read together by the next, and
 * the new responses arriving while a write runs are written together by the next (group commit),
 * so a crowd answering at once costs PostgreSQL two statements per batch instead of two per answer.
 */
export const groupedResponseCapture = (db: Db): ResponseCapture => ({
  read: createGroupedReader((requests: CaptureRequest[]) => readCaptureContexts(db, requests)),
  store: createGroupCommit((responses: NewResponse[]) => insertNewResponses(db, responses), newResponseKeys),
});

/**
 * The capture path (PUT and POST of a respondent's answers, server/hot-routes.ts; the payload as
 * the request sent it, checked here once): saveResponse under a rate limit per session, in two
 * statements when all is well. The save is counted and the session's membership and the instrument
 * are read by one, and the response is written by another. Anything unusual (a stranger, a closed
 * instrument…) is asked again of respondentContext, whose errors are the ones every other path gives.
 *
 * The limit is counted in PostgreSQL across instances: a person answering question by question
 * never comes near it, a script hammering the capture path does. The device keeps the answers and
 * retries after Retry-After, so nothing is lost.
 */
export async function captureResponse(
  db: Db,
  actor: SessionActor | null,
  org: { slug: string },
  payload: unknown,
  { capture = directResponseCapture(db), ...options }: SaveOptions & { capture?: ResponseCapture },
  now = new Date(),
): Promise<SaveResult> {
  const input = responsePayloadSchema.parse(payload);
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const rule = responseSaveRule();
  const hit = rateLimitHit(await rateLimitKey(db, rule, actor.sessionToken), rule, now);
  const { hits, context } = await capture.read({ sessionToken: actor.sessionToken, orgSlug: org.slug, instrumentId: input.instrumentId, hit });
  const { isAllowed, retryAfterSeconds } = await settleHit(db, rule, hits, now);
  if (!isAllowed) throw new RateLimitedError("responseSavesRateLimited", retryAfterSeconds);
  return saveInContext(db, context ?? (await respondentContext(db, actor, org, input.instrumentId)), input, { ...options, storeNew: capture.store }, now);
}
