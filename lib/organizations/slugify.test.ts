import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { slugify } from "./slugify";

describe("slugify", () => {
  it("makes URL-safe slugs, folding Polish letters", () => {
    expect(slugify("Northwind Outfitters")).toBe("northwind-outfitters");
    expect(slugify("  Łódź Coffee — Sp. z o.o. ")).toBe("lodz-coffee-sp-z-o-o");
  });

  it("falls back when nothing Latin remains", () => {
    expect(slugify("Рога и копыта")).toBe("org");
  });
});

describe("safeRedirectPath", () => {
  it("allows same-site paths only", () => {
    expect(safeRedirectPath("/o/northwind/dashboard")).toBe("/o/northwind/dashboard");
    expect(safeRedirectPath("//evil.example/x", "/home")).toBe("/home");
    expect(safeRedirectPath("https://evil.example", "/home")).toBe("/home");
    expect(safeRedirectPath("/\\evil.example", "/home")).toBe("/home");
    expect(safeRedirectPath(undefined, "/home")).toBe("/home");
  });
});
