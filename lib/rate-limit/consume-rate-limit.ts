import "server-only";
import { createHmac } from "node:crypto";
import { lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
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
  const [counted] = rowsOf<{ hits: number }>(await db.execute(countHitStatement(await rateLimitKey(db, rule, subject), rule, now)));
  return settleHit(db, rule, counted.hits, now, { cleanupShare });
}

/** The row a subject's hits under a rule are counted in: the rule's name and an HMAC of the subject. */
export async function rateLimitKey(db: Db, rule: RateLimitRule, subject: string): Promise<string> {
  const digest = createHmac("sha256", await getAuthSecret(db, env.AUTH_SECRET)).update(subject.trim().toLowerCase()).digest("base64url");
  return `${rule.name}:${digest}`;
}

/** Adds one hit to a key's current window, returning the window's hits so far as `hits` (usable as a CTE). */
export function countHitStatement(key: string, rule: RateLimitRule, now: Date): SQL {
  const { start } = rateLimitWindow(rule, now);
  return sql`insert into rate_limit_hits (key, window_start, hits) values (${key}, ${start.toISOString()}::timestamptz, 1)
    on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1
    returning hits`;
}

/** Whether a counted hit is allowed, and (now and then) the cleanup of old windows. */
export async function settleHit(db: Db, rule: RateLimitRule, hits: number, now: Date, { cleanupShare = CLEANUP_SHARE } = {}): Promise<RateLimitResult> {
  // Now and then a window's first hit also clears windows over a day old, so the table stays small
  // without a job and busy paths (every respondent's first save opens a window) rarely pay for it.
  if (hits === 1 && Math.random() < cleanupShare) await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 86_400_000)));
  return { isAllowed: hits <= rule.limit, retryAfterSeconds: rateLimitWindow(rule, now).retryAfterSeconds };
}
