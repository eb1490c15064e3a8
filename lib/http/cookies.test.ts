import { describe, expect, it } from "vitest";
import { cookieFromHeader, setCookieHeader } from "./cookies";
import { PREFERENCE_COOKIE_OPTIONS } from "@/lib/preferences/cookie-options";

describe("cookieFromHeader", () => {
  it("finds a cookie by its exact name, decoded, and nothing in a missing header", () => {
    expect(cookieFromHeader("a=1; attune-theme=dark; b=2", "attune-theme")).toBe("dark");
    expect(cookieFromHeader("xattune-theme=light; attune-theme=dark", "attune-theme")).toBe("dark");
    expect(cookieFromHeader("token=a%3Db", "token")).toBe("a=b");
    expect(cookieFromHeader("a=1", "token")).toBeUndefined();
    expect(cookieFromHeader(undefined, "token")).toBeUndefined();
  });
});

describe("setCookieHeader", () => {
  it("writes a preference cookie with the attributes Next writes it with", () => {
    expect(setCookieHeader({ name: "NEXT_LOCALE", value: "pl", ...PREFERENCE_COOKIE_OPTIONS })).toBe("NEXT_LOCALE=pl; Max-Age=31536000; Path=/; SameSite=Lax");
    expect(setCookieHeader({ name: "attune-last-org", value: "northwind", ...PREFERENCE_COOKIE_OPTIONS, httpOnly: true })).toContain("HttpOnly");
  });
});
