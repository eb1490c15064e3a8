import "server-only";
import { createHmac } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimitHits } from "@/db/schema";
import { getAuthSecret } from "@/lib/auth/instance-secret";
import { env } from "@/lib/env";
import { rateLimitWindow, type RateLimitRule } from "./rate-limit-window";

export type { RateLimitRule } from "./rate-limit-window";

const CLEANUP_SHARE = 0.02;

export interface RateLimitResult {
  isAllowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one hit of `subject` (an email address, an API key id…) against the rule, in PostgreSQL so
 * that every instance shares the count. The subject is stored only as an HMAC with the instance
 * secret: the table never holds an address, and its keys cannot be checked against a list of them.
 */
export async function consumeRateLimit(db: Db, rule: RateLimitRule, subject: string, now = new Date(), { cleanupShare = CLEANUP_SHARE } = {}): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = rateLimitWindow(rule, now);
  const digest = createHmac("sha256", await getAuthSecret(db, env.AUTH_SECRET)).update(subject.trim().toLowerCase()).digest("base64url");
  const [counted] = await db
    .insert(rateLimitHits)
    .values({ key: `${rule.name}:${digest}`, windowStart: start, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { hits: sql`${rateLimitHits.hits} + 1` } })
    .returning({ hits: rateLimitHits.hits });
  // Now and then a window's first hit also clears windows over a day old, so the table stays small
  // without a job and busy paths (every respondent's first save opens a window) rarely pay for it.
  if (counted.hits === 1 && Math.random() < cleanupShare) await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 86_400_000)));
  return { isAllowed: counted.hits <= rule.limit, retryAfterSeconds };
}
