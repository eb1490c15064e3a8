import { DAY_MS } from "@/lib/clock";

/** The hour (UTC) the daily retention run is planned at: a quiet time for most organizations. */
export const RETENTION_RUN_HOUR_UTC = 2;

/** Records from before this instant are past a retention of `months` at `now` (calendar months, clamped to the month's end). */
export function retentionCutoff(now: Date, months: number): Date {
  return addMonths(now, -months);
}

/** When a record made at `at` falls past a retention of `months`. */
export function retentionEnds(at: Date, months: number): Date {
  return addMonths(at, months);
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The next daily run strictly after `now`. */
export function nextRetentionRun(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RETENTION_RUN_HOUR_UTC);
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

/** The first daily run at or after a record falls past its retention, but never before the next run. */
export function purgeRunFor(endsAt: Date, nextRun: Date): Date {
  if (endsAt.getTime() <= nextRun.getTime()) return nextRun;
  const day = Date.UTC(endsAt.getUTCFullYear(), endsAt.getUTCMonth(), endsAt.getUTCDate(), RETENTION_RUN_HOUR_UTC);
  return new Date(day >= endsAt.getTime() ? day : day + DAY_MS);
}
