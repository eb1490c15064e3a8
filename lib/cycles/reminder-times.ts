import { DAY_MS } from "@/lib/clock";

/**
 * When a cycle's reminders go out: every `reminderEveryDays` after it opened, at most
 * `maxReminders`, and only while it is still open. Taken from the cycle's own dates, so a cycle
 * whose window was planned under older settings still reminds within it.
 */
export function reminderTimes(cycle: { opensAt: Date; closesAt: Date }, settings: { maxReminders: number; reminderEveryDays: number }): Date[] {
  const times: Date[] = [];
  for (let reminder = 1; reminder <= settings.maxReminders; reminder++) {
    const at = new Date(cycle.opensAt.getTime() + reminder * settings.reminderEveryDays * DAY_MS);
    if (at < cycle.closesAt) times.push(at);
  }
  return times;
}
