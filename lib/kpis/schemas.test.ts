import { describe, expect, it } from "vitest";
import { kpiDetailQuerySchema } from "./schemas";

describe("KPI detail query", () => {
  it("accepts a period's first day or 'all', and refuses a month that does not exist", () => {
    expect(kpiDetailQuerySchema.safeParse({ key: "k", period: "2026-10-01" }).success).toBe(true);
    expect(kpiDetailQuerySchema.safeParse({ key: "k", period: "all" }).success).toBe(true);
    expect(kpiDetailQuerySchema.safeParse({ key: "k", period: "2026-13-01" }).success).toBe(false);
    expect(kpiDetailQuerySchema.safeParse({ key: "k", period: "2026-10-15" }).success).toBe(false);
    // The empty option of the split form means no split.
    expect(kpiDetailQuerySchema.parse({ key: "k", by: "", period: "" })).toEqual({ key: "k" });
  });
});
