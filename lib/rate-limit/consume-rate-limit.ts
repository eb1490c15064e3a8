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
  const hit = rateLimitHit(await rateLimitKey(db, rule, subject), rule, now);
  const [counted] = rowsOf<{ hits: number }>(
    await db.execute(sql`with ${countHitsCtes(sql`select 1 as ord, ${hit.key}::text as key, ${hit.windowStart}::timestamptz as window_start`)} select hits from counted_hits`),
  );
  return settleHit(db, rule, Number(counted.hits), now, { cleanupShare });
}

/** The row a subject's hits under a rule are counted in: the rule's name and an HMAC of the subject. */
export async function rateLimitKey(db: Db, rule: RateLimitRule, subject: string): Promise<string> {
  const digest = createHmac("sha256", await getAuthSecret(db, env.AUTH_SECRET)).update(subject.trim().toLowerCase()).digest("base64url");
  return `${rule.name}:${digest}`;
}

/** A hit to count: the key of the rule and subject, and the rule's window that `now` falls in. */
export function rateLimitHit(key: string, rule: RateLimitRule, now: Date): { key: string; windowStart: string } {
  return { key, windowStart: rateLimitWindow(rule, now).start.toISOString() };
}

/**
 * CTEs that add one hit per row of `hits` (a query yielding ord, key, window_start) to its key's
 * window and name `counted_hits` (ord, hits): each row's count as if the rows had come one by one
 * in `ord` order. A window's row is updated once per statement, however many of its hits it holds.
 */
export function countHitsCtes(hits: SQL): SQL {
  return sql`hit_windows as (
      insert into rate_limit_hits (key, window_start, hits)
      select h.key, h.window_start, count(*)::int from (${hits}) as h group by h.key, h.window_start
      -- Rows are locked in key order, so two batches sharing windows can never deadlock.
      order by h.key, h.window_start
      on conflict (key, window_start) do update set hits = rate_limit_hits.hits + excluded.hits
      returning key, window_start, hits
    ), counted_hits as (
      select h.ord, w.hits - count(*) over same_window + row_number() over (same_window order by h.ord) as hits
      from (${hits}) as h join hit_windows w on w.key = h.key and w.window_start = h.window_start
      window same_window as (partition by h.key, h.window_start)
    )`;
}

/** Whether a counted hit is allowed, and (now and then) the cleanup of old windows. */
export async function settleHit(db: Db, rule: RateLimitRule, hits: number, now: Date, { cleanupShare = CLEANUP_SHARE } = {}): Promise<RateLimitResult> {
  // Now and then a window's first hit also clears windows over a day old, so the table stays small
  // without a job and busy paths (every respondent's first save opens a window) rarely pay for it.
  if (hits === 1 && Math.random() < cleanupShare) await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 86_400_000)));
  return { isAllowed: hits <= rule.limit, retryAfterSeconds: rateLimitWindow(rule, now).retryAfterSeconds };
}
