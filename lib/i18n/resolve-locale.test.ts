import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeFromRequestHeaders, resolveLocale } from "./resolve-locale";

describe("resolveLocale", () => {
  it("prefers the profile, then the switcher cookie, then the browser", () => {
    expect(resolveLocale({ profileLocale: "ru", cookieLocale: "pl", acceptLanguage: "en-US" })).toBe("ru");
    expect(resolveLocale({ profileLocale: null, cookieLocale: "pl", acceptLanguage: "ru-RU" })).toBe("pl");
    expect(resolveLocale({ profileLocale: null, cookieLocale: undefined, acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.5" })).toBe("ru");
  });

  it("ignores unsupported values and falls back to English", () => {
    expect(resolveLocale({ profileLocale: "de", cookieLocale: "xx", acceptLanguage: "de-DE,fr;q=0.8" })).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
  });

  it("negotiates regional variants and quality weights", () => {
    expect(localeFromAcceptLanguage("pl-PL")).toBe("pl");
    expect(localeFromAcceptLanguage("de;q=1, ru;q=0.8, pl;q=0.5")).toBe("ru");
  });

  it("reads the cookie from a raw Cookie header", () => {
    expect(localeFromRequestHeaders("a=1; NEXT_LOCALE=pl; b=2", "ru")).toBe("pl");
    expect(localeFromRequestHeaders(null, "ru")).toBe("ru");
  });
});
