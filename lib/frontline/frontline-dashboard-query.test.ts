import { describe, expect, it } from "vitest";
import { frontlineDashboardQuerySchema } from "./frontline-dashboard";

describe("frontline dashboard query", () => {
  it("reads team, location and cycle from a query string, an empty value meaning no filter", () => {
    expect(frontlineDashboardQuerySchema.parse({ team: "Repairs", location: "", cycle: "2" })).toEqual({ team: "Repairs", cycle: 2 });
    expect(frontlineDashboardQuerySchema.parse({})).toEqual({});
  });

  it("refuses a cycle that is not a sequence number and an overlong filter", () => {
    expect(frontlineDashboardQuerySchema.safeParse({ cycle: "-1" }).success).toBe(false);
    expect(frontlineDashboardQuerySchema.safeParse({ cycle: "one" }).success).toBe(false);
    expect(frontlineDashboardQuerySchema.safeParse({ team: "x".repeat(101) }).success).toBe(false);
  });
});
