import { describe, expect, it } from "vitest";
import { nextRetentionRun, purgeRunFor, retentionCutoff, retentionEnds } from "./retention-dates";

describe("retention dates", () => {
  it("counts calendar months back and forth, clamped to the month's last day", () => {
    expect(retentionCutoff(new Date("2027-05-15T10:00:00Z"), 3).toISOString()).toBe("2027-02-15T10:00:00.000Z");
    expect(retentionCutoff(new Date("2027-03-31T10:00:00Z"), 1).toISOString()).toBe("2027-02-28T10:00:00.000Z");
    expect(retentionEnds(new Date("2026-12-31T00:00:00Z"), 2).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });

  it("runs daily at 02:00 UTC, and a record is purged at the first run after its retention ends", () => {
    expect(nextRetentionRun(new Date("2027-05-15T01:00:00Z")).toISOString()).toBe("2027-05-15T02:00:00.000Z");
    expect(nextRetentionRun(new Date("2027-05-15T02:00:00Z")).toISOString()).toBe("2027-05-16T02:00:00.000Z");
    const next = new Date("2027-05-16T02:00:00Z");
    expect(purgeRunFor(new Date("2027-01-01T00:00:00Z"), next)).toEqual(next);
    expect(purgeRunFor(new Date("2027-08-01T09:30:00Z"), next).toISOString()).toBe("2027-08-02T02:00:00.000Z");
    expect(purgeRunFor(new Date("2027-08-01T01:30:00Z"), next).toISOString()).toBe("2027-08-01T02:00:00.000Z");
  });
});
