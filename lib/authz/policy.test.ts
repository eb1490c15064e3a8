import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";
import { can, homePath } from "./policy";

describe("policy", () => {
  it("keeps frontline staff and participants out of leadership and research areas", () => {
    for (const role of ["frontline", "participant"] as const) {
      expect(can(role, "dashboard.view")).toBe(false);
      expect(can(role, "responses.view")).toBe(false);
      expect(can(role, "members.manage")).toBe(false);
      expect(can(role, "portal.view")).toBe(true);
    }
  });

  it("sends each role to its own home", () => {
    expect(homePath("northwind", "admin")).toBe("/o/northwind/admin/members");
    expect(homePath("northwind", "leader")).toBe("/o/northwind/dashboard");
    expect(homePath("northwind", "researcher")).toBe("/o/northwind/workspace");
    expect(homePath("northwind", "frontline")).toBe("/o/northwind/portal");
    expect(homePath("northwind", "participant")).toBe("/o/northwind/portal");
  });

  it("shows only navigation the role is allowed to open", () => {
    expect(navigationFor("acme", "leader").map((item) => item.key)).toEqual(["dashboard", "campaigns", "insights", "myData"]);
    expect(navigationFor("acme", "researcher").map((item) => item.key)).toEqual(["dashboard", "campaigns", "workspace", "instruments", "councils", "panels", "frontline", "coding", "insights", "roster", "reports", "myData"]);
    expect(navigationFor("acme", "admin").map((item) => item.key)).toEqual(["dashboard", "campaigns", "workspace", "instruments", "councils", "panels", "frontline", "coding", "insights", "roster", "reports", "members", "jobs", "anonymity", "privacy", "apiKeys", "webhooks", "audit", "myData"]);
    expect(navigationFor("acme", "participant").map((item) => item.href)).toEqual(["/o/acme/portal", "/o/acme/my-data"]);
  });
});
