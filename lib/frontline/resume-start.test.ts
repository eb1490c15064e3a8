import { describe, expect, it } from "vitest";
import { cycleWindow } from "@/lib/programs/cycle-schedule";
import { resumeStart } from "./resume-start";

const settings = { cadence: "monthly" as const, cadenceMonths: 1, openDay: 3, openForDays: 7, maxReminders: 1, reminderEveryDays: 3 };
const nextOpening = (now: string, nextSequence: number, latestOpened: string | null) =>
  cycleWindow({ ...settings, startsOn: resumeStart(new Date(now), settings.openDay, nextSequence, latestOpened ? new Date(latestOpened) : null) }, nextSequence).opensAt.toISOString();

describe("resumeStart", () => {
  it("opens the first cycle on the next open day", () => {
    expect(nextOpening("2027-03-10T12:00:00Z", 0, null)).toBe("2027-04-03T08:00:00.000Z");
    expect(nextOpening("2027-03-01T12:00:00Z", 0, null)).toBe("2027-03-03T08:00:00.000Z");
  });

  it("never opens a second cycle in the month of one that already opened", () => {
    expect(nextOpening("2027-03-01T12:00:00Z", 1, "2027-03-01T08:00:00Z")).toBe("2027-04-03T08:00:00.000Z");
  });

  it("resumes from now after a pause, instead of opening the months it missed", () => {
    expect(nextOpening("2027-09-20T12:00:00Z", 4, "2027-04-03T08:00:00Z")).toBe("2027-10-03T08:00:00.000Z");
  });
});
