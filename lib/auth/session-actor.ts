import { cookieFromHeader } from "@/lib/http/cookies";

/** Auth.js database-session cookie names (the secure one on HTTPS). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function sessionTokenFromCookieHeader(cookieHeader: string | undefined): string | null {
  for (const name of SESSION_COOKIES) {
    const token = cookieFromHeader(cookieHeader, name);
    if (token) return token;
  }
  return null;
}
