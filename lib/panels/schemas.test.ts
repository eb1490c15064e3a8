import { describe, expect, it } from "vitest";
import { panelAttributeSchema, panelQuotasFromForm, panelQuotasSchema } from "./schemas";

describe("panel form parsing", () => {
  it("gathers quota inputs, skipping blank ones", () => {
    expect(panelQuotasFromForm({ "quota.language.ru": "20", "quota.language.en": " ", "quota.channel.online": "35.5", name: "x" })).toEqual([
      { attribute: "language", value: "ru", minShare: 20 },
      { attribute: "channel", value: "online", minShare: 35.5 },
    ]);
  });

  it("refuses quotas of one attribute above 100% together", () => {
    expect(panelQuotasSchema.safeParse([{ attribute: "language", value: "en", minShare: 60 }, { attribute: "language", value: "pl", minShare: 50 }]).success).toBe(false);
    expect(panelQuotasSchema.safeParse([{ attribute: "language", value: "en", minShare: 60 }, { attribute: "channel", value: "store", minShare: 50 }]).success).toBe(true);
  });

  it("reads an attribute's answers one per line, deduplicated, and guards its key", () => {
    expect(panelAttributeSchema.parse({ key: "household", label: "Household size", values: "1\n2\n2\n 3+ \n" }).values).toEqual(["1", "2", "3+"]);
    expect(panelAttributeSchema.safeParse({ key: "Household", label: "Household size", values: "1\n2" }).error?.issues[0].message).toBe("attributeKeyInvalid");
    expect(panelAttributeSchema.safeParse({ key: "language", label: "Language", values: "a\nb" }).error?.issues[0].message).toBe("attributeKeyReserved");
    expect(panelAttributeSchema.safeParse({ key: "size", label: "Size", values: "a.b\nc" }).error?.issues[0].message).toBe("attributeValueInvalid");
  });
});
