import { describe, expect, it } from "vitest";
import { compareQuotas } from "./compare-quotas";

const language = { key: "language", label: null, values: ["en", "pl", "ru"], isCustom: false };
const channel = { key: "channel", label: "Channel", values: ["store", "online"], isCustom: true };

describe("compareQuotas", () => {
  const members = [{ language: "en", channel: "store" }, { language: "en", channel: "online" }, { language: "en" }, { language: "pl" }, {}];

  it("computes shares among members who answered and flags values below their quota", () => {
    const [languages] = compareQuotas(members, [language], [{ attribute: "language", value: "pl", minShare: 20 }, { attribute: "language", value: "ru", minShare: 20 }]);
    expect(languages.answered).toBe(4);
    expect(languages.rows).toEqual([
      { value: "en", count: 3, actualShare: 75, minShare: null, isGap: false },
      { value: "pl", count: 1, actualShare: 25, minShare: 20, isGap: false },
      { value: "ru", count: 0, actualShare: 0, minShare: 20, isGap: true },
    ]);
  });

  it("covers the organization's own attributes", () => {
    const [, channels] = compareQuotas(members, [language, channel], [{ attribute: "channel", value: "online", minShare: 60 }]);
    expect(channels.rows.find((row) => row.value === "online")).toMatchObject({ count: 1, actualShare: 50, isGap: true });
  });
});
