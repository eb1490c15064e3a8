import { CYCLE_OPEN_HOUR_UTC, firstOpeningOnOrAfter } from "@/lib/programs/cycle-schedule";

/**
 * The monthly program's anchor (`startsOn`) that makes cycle `nextSequence` open on the first open
 * day that is not in the past and not in the month of the latest cycle that already opened; so a
 * program paused for months, or moved to a later day, resumes from now instead of catching up.
 */
export function resumeStart(now: Date, openDay: number, nextSequence: number, latestOpened: Date | null): Date {
  const notBefore = latestOpened ? new Date(Math.max(now.getTime(), Date.UTC(latestOpened.getUTCFullYear(), latestOpened.getUTCMonth() + 1, 1))) : now;
  const opens = firstOpeningOnOrAfter(notBefore, openDay);
  if (nextSequence === 0) return opens;
  // Later cycles take their month from the anchor plus one month per cycle, and their day from openDay.
  return new Date(Date.UTC(opens.getUTCFullYear(), opens.getUTCMonth() - nextSequence, 1, CYCLE_OPEN_HOUR_UTC));
}
