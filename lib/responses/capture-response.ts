import "server-only";
import type { Db } from "@/db/client";
import type { SessionActor } from "@/lib/authz/require-permission";
import { env } from "@/lib/env";
import { AppError, RateLimitedError } from "@/lib/errors";
import { countHitStatement, rateLimitKey, settleHit, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";
import { readCaptureContext, respondentContext } from "./respondent-context";
import { saveInContext, type SaveOptions, type SaveResult } from "./save-response";
import { responsePayloadSchema } from "./schemas";

/** Saves and submits per signed-in session and minute (ATTUNE_RESPONSE_SAVES_PER_MINUTE). */
export const responseSaveRule = (): RateLimitRule => ({ name: "response-save", limit: env.ATTUNE_RESPONSE_SAVES_PER_MINUTE, windowSeconds: 60 });

/**
 * The capture path (PUT and POST of a respondent's answers, server/hot-routes.ts; the payload as
 * the request sent it, checked here once): saveResponse under a rate limit per session, in two
 * statements when all is well. The save is counted, the session's membership and the instrument
 * are read in one statement, and the response is written in another. Anything unusual (a stranger, a closed instrument…) is asked again of respondentContext,
 * whose errors are the ones every other path gives.
 *
 * The limit is counted in PostgreSQL across instances: a person answering question by question
 * never comes near it, a script hammering the capture path does. The device keeps the answers and
 * retries after Retry-After, so nothing is lost.
 */
export async function captureResponse(db: Db, actor: SessionActor | null, org: { slug: string }, payload: unknown, options: SaveOptions, now = new Date()): Promise<SaveResult> {
  const input = responsePayloadSchema.parse(payload);
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const rule = responseSaveRule();
  const countHit = countHitStatement(await rateLimitKey(db, rule, actor.sessionToken), rule, now);
  const { pre: hits, context } = await readCaptureContext(db, actor, org.slug, input.instrumentId, countHit);
  const { isAllowed, retryAfterSeconds } = await settleHit(db, rule, Number(hits), now);
  if (!isAllowed) throw new RateLimitedError("responseSavesRateLimited", retryAfterSeconds);
  return saveInContext(db, context ?? (await respondentContext(db, actor, org, input.instrumentId)), input, options, now);
}
