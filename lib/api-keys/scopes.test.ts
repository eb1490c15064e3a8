import { describe, expect, it } from "vitest";
import { API_SCOPES, grantsScope, normalizeScopes } from "./scopes";

describe("API key scopes", () => {
  it("lets write imply read, and nothing else", () => {
    expect(grantsScope(["responses:write"], "responses:read")).toBe(true);
    expect(grantsScope(["responses:read"], "responses:write")).toBe(false);
    expect(grantsScope(["programs:write"], "responses:read")).toBe(false);
  });

  it("offers no write scope for read-only families", () => {
    expect(API_SCOPES).toContain("kpis:read");
    expect(API_SCOPES).not.toContain("kpis:write");
    expect(API_SCOPES).not.toContain("insights:write");
  });

  it("keeps the strongest scope per family and drops unknown ones", () => {
    expect(normalizeScopes(["responses:read", "responses:write", "kpis:read", "kpis:write", "nope:read"])).toEqual(["responses:write", "kpis:read"]);
  });
});
