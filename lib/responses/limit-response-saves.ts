import "server-only";
import type { Db } from "@/db/client";
import type { SessionActor } from "@/lib/authz/require-permission";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

/**
 * Saves and submits per signed-in session and minute, counted in PostgreSQL across instances: a
 * person answering question by question never comes near it, a script hammering the capture path
 * does. The device keeps the answers and retries after Retry-After, so nothing is lost.
 */
export async function limitResponseSaves(db: Db, actor: SessionActor | null, now = new Date()): Promise<void> {
  if (!actor) return; // refused as unauthenticated by the save itself
  const rule = { name: "response-save", limit: env.ATTUNE_RESPONSE_SAVES_PER_MINUTE, windowSeconds: 60 };
  const { isAllowed, retryAfterSeconds } = await consumeRateLimit(db, rule, actor.sessionToken, now);
  if (!isAllowed) throw new RateLimitedError("responseSavesRateLimited", retryAfterSeconds);
}
