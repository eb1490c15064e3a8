import { CYCLE_OPEN_HOUR_UTC, firstOpeningOnOrAfter } from "@/lib/programs/cycle-schedule";

/** The first session opens on the chosen date, or by default on the open day of the next calendar quarter. */
export function firstSessionOn(startsOn: string | undefined, openDay: number, now: Date): Date {
  if (startsOn) return new Date(`${startsOn}T${String(CYCLE_OPEN_HOUR_UTC).padStart(2, "0")}:00:00Z`);
  const nextQuarter = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 1));
  return firstOpeningOnOrAfter(nextQuarter, openDay);
}
