import { describe, expect, it } from "vitest";
import { isDeliverySuccess, MAX_DELIVERY_ATTEMPTS, nextRetryDelayMs } from "./retry-schedule";

describe("the retry schedule", () => {
  it("waits longer after each failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h, 12 h", () => {
    const delays = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, index) => nextRetryDelayMs(index + 1));
    expect(delays).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000]);
    for (let index = 1; index < delays.length; index++) expect(delays[index]!).toBeGreaterThan(delays[index - 1]!);
  });

  it("gives up after a bounded number of attempts, within a day", () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(7);
    expect(nextRetryDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    expect(nextRetryDelayMs(100)).toBeNull();
    expect(nextRetryDelayMs(0)).toBeNull();
    const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, index) => nextRetryDelayMs(index + 1)!).reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeLessThan(24 * 3_600_000);
  });

  it("counts only 2xx answers as delivered (redirects are not followed)", () => {
    expect([200, 201, 204, 299].map(isDeliverySuccess)).toEqual([true, true, true, true]);
    expect([null, 199, 301, 302, 400, 410, 500].map(isDeliverySuccess)).toEqual([false, false, false, false, false, false, false]);
  });
});
