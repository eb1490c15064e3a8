import { describe, expect, it } from "vitest";
import { rateLimitWindow } from "./rate-limit-window";

const HOURLY = { name: "sign-in", limit: 5, windowSeconds: 3600 };

describe("rate limit windows", () => {
  it("puts every moment of an hour in the same window and says when the next begins", () => {
    expect(rateLimitWindow(HOURLY, new Date("2026-12-06T10:00:00Z"))).toEqual({ start: new Date("2026-12-06T10:00:00Z"), retryAfterSeconds: 3600 });
    expect(rateLimitWindow(HOURLY, new Date("2026-12-06T10:59:59.500Z"))).toEqual({ start: new Date("2026-12-06T10:00:00Z"), retryAfterSeconds: 1 });
    expect(rateLimitWindow(HOURLY, new Date("2026-12-06T11:00:00Z")).start).toEqual(new Date("2026-12-06T11:00:00Z"));
  });
});
