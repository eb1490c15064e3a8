import { describe, expect, it } from "vitest";
import { cycleWindow, firstOpeningOnOrAfter, monthsBetweenCycles, type CycleScheduleSettings } from "./cycle-schedule";

const quarterly: CycleScheduleSettings = {
  cadence: "quarterly",
  cadenceMonths: 3,
  startsOn: new Date("2027-01-05T08:00:00Z"),
  openDay: 5,
  openForDays: 14,
  maxReminders: 2,
  reminderEveryDays: 4,
};

describe("cycle schedule", () => {
  it("opens quarterly cycles three months apart on the open day, closing after the open period", () => {
    expect(cycleWindow(quarterly, 0)).toEqual({
      sequence: 0,
      opensAt: new Date("2027-01-05T08:00:00Z"),
      closesAt: new Date("2027-01-19T08:00:00Z"),
      remindersAt: [new Date("2027-01-09T08:00:00Z"), new Date("2027-01-13T08:00:00Z")],
    });
    expect(cycleWindow(quarterly, 3).opensAt).toEqual(new Date("2027-10-05T08:00:00Z"));
    expect(cycleWindow(quarterly, 4).opensAt).toEqual(new Date("2028-01-05T08:00:00Z"));
  });

  it("keeps a first cycle opened on another day, then falls back to the open day", () => {
    const monthly = { ...quarterly, cadence: "monthly" as const, startsOn: new Date("2027-01-20T10:30:00Z"), openDay: 3 };
    expect(cycleWindow(monthly, 0).opensAt).toEqual(new Date("2027-01-20T10:30:00Z"));
    expect(cycleWindow(monthly, 1).opensAt).toEqual(new Date("2027-02-03T10:30:00Z"));
  });

  it("sends only the reminders that fall before the close", () => {
    expect(cycleWindow({ ...quarterly, openForDays: 5, maxReminders: 3 }, 0).remindersAt).toEqual([new Date("2027-01-09T08:00:00Z")]);
    expect(cycleWindow({ ...quarterly, maxReminders: 0 }, 0).remindersAt).toEqual([]);
  });

  it("finds the next open day and the step of each cadence", () => {
    expect(firstOpeningOnOrAfter(new Date("2027-03-02T00:00:00Z"), 5)).toEqual(new Date("2027-03-05T08:00:00Z"));
    expect(firstOpeningOnOrAfter(new Date("2027-03-06T00:00:00Z"), 5)).toEqual(new Date("2027-04-05T08:00:00Z"));
    expect(firstOpeningOnOrAfter(new Date("2027-12-28T00:00:00Z"), 1)).toEqual(new Date("2028-01-01T08:00:00Z"));
    expect(monthsBetweenCycles({ cadence: "custom", cadenceMonths: 2 })).toBe(2);
    expect(monthsBetweenCycles({ cadence: "monthly", cadenceMonths: 9 })).toBe(1);
  });
});
