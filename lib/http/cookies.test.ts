import { describe, expect, it } from "vitest";
import { cookieFromHeader } from "./cookies";

describe("cookieFromHeader", () => {
  it("finds a cookie by its exact name, decoded, and nothing in a missing or broken header", () => {
    expect(cookieFromHeader("a=1; attune-theme=dark; b=2", "attune-theme")).toBe("dark");
    expect(cookieFromHeader("xattune-theme=light; attune-theme=dark", "attune-theme")).toBe("dark");
    expect(cookieFromHeader("token=a%3Db", "token")).toBe("a=b");
    expect(cookieFromHeader("token=%E0%A4%A", "token")).toBeUndefined();
    expect(cookieFromHeader("a=1", "token")).toBeUndefined();
    expect(cookieFromHeader(undefined, "token")).toBeUndefined();
  });
});
