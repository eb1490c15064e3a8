import { DAY_MS } from "@/lib/clock";

export type Cadence = "monthly" | "quarterly" | "custom";

export interface CycleScheduleSettings {
  cadence: Cadence;
  /** Months between cycles for a custom cadence. */
  cadenceMonths: number;
  startsOn: Date;
  /** 1–28, so that every month has it. */
  openDay: number;
  openForDays: number;
  maxReminders: number;
  reminderEveryDays: number;
}

/** Cycles open at this hour (UTC) on their day: a working morning across Europe. */
export const CYCLE_OPEN_HOUR_UTC = 8;

export function monthsBetweenCycles(settings: Pick<CycleScheduleSettings, "cadence" | "cadenceMonths">): number {
  if (settings.cadence === "monthly") return 1;
  if (settings.cadence === "quarterly") return 3;
  return settings.cadenceMonths;
}

/** The first day the program can open on, on or after `from`: its open day in `from`'s month, else the next month's. */
export function firstOpeningOnOrAfter(from: Date, openDay: number): Date {
  const candidate = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), openDay, CYCLE_OPEN_HOUR_UTC));
  if (candidate.getTime() >= from.getTime()) return candidate;
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, openDay, CYCLE_OPEN_HOUR_UTC));
}

export interface CycleWindow {
  sequence: number;
  opensAt: Date;
  closesAt: Date;
  /** When each reminder goes out (only those before the close). */
  remindersAt: Date[];
}

/** When cycle `sequence` (0-based) of a program opens, closes and sends its reminders. */
export function cycleWindow(settings: CycleScheduleSettings, sequence: number): CycleWindow {
  const start = settings.startsOn;
  const opensAt = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + sequence * monthsBetweenCycles(settings), sequence === 0 ? start.getUTCDate() : settings.openDay, start.getUTCHours(), start.getUTCMinutes()),
  );
  const closesAt = new Date(opensAt.getTime() + settings.openForDays * DAY_MS);
  const remindersAt: Date[] = [];
  for (let reminder = 1; reminder <= settings.maxReminders; reminder++) {
    const at = new Date(opensAt.getTime() + reminder * settings.reminderEveryDays * DAY_MS);
    if (at < closesAt) remindersAt.push(at);
  }
  return { sequence, opensAt, closesAt, remindersAt };
}
