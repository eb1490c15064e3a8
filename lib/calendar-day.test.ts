import { describe, expect, it } from "vitest";
import { isCalendarDay } from "./calendar-day";

describe("isCalendarDay", () => {
  it("takes days that exist and refuses the rest", () => {
    for (const day of ["2026-12-06", "2024-02-29", "1999-01-01"]) expect(isCalendarDay(day)).toBe(true);
    for (const day of ["2026-02-30", "2026-13-45", "2026-00-10", "2025-02-29", "0000-01-01", "12026-01-01", "-2026-01-01", "2026-1-1", ""]) expect(isCalendarDay(day)).toBe(false);
  });
});
