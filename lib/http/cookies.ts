import { parseCookie, stringifySetCookie, type SetCookie } from "cookie";

/** A cookie's value from a Cookie header, for code that reads requests without Next's cookies(). */
export function cookieFromHeader(cookieHeader: string | null | undefined, name: string): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[name] : undefined;
}

/** A Set-Cookie header value, for responses written without Next. */
export function setCookieHeader(cookie: SetCookie): string {
  return stringifySetCookie(cookie);
}
