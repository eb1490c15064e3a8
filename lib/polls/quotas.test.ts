import { describe, expect, it } from "vitest";
import { areQuotasMet, quotaKey, quotaProgress } from "./quotas";

const quotas = [
  { attribute: "language", value: "ru", count: 2 },
  { attribute: "region", value: "north", count: 1 },
];

describe("quick poll quotas", () => {
  it("are met only when every quota is reached", () => {
    expect(areQuotasMet(quotas, new Map([[quotaKey("language", "ru"), 2]]))).toBe(false);
    expect(areQuotasMet(quotas, new Map([[quotaKey("language", "ru"), 1], [quotaKey("region", "north"), 5]]))).toBe(false);
    expect(areQuotasMet(quotas, new Map([[quotaKey("language", "ru"), 3], [quotaKey("region", "north"), 1]]))).toBe(true);
  });

  it("never close a poll that has none", () => {
    expect(areQuotasMet([], new Map([[quotaKey("language", "ru"), 100]]))).toBe(false);
  });

  it("do not confuse a value of one attribute with another attribute", () => {
    expect(areQuotasMet([{ attribute: "language", value: "ru", count: 1 }], new Map([[quotaKey("region", "ru"), 4]]))).toBe(false);
  });

  it("report progress capped at the target", () => {
    expect(quotaProgress(quotas, new Map([[quotaKey("language", "ru"), 7]]))).toEqual([
      { attribute: "language", value: "ru", count: 2, reached: 2 },
      { attribute: "region", value: "north", count: 1, reached: 0 },
    ]);
  });
});
