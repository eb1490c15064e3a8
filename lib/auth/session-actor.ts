import type { SessionActor } from "@/lib/authz/require-permission";
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

/** The signed-in user as known by their session cookie, checked by the use case's own query. */
export function sessionActorFromCookieHeader(cookieHeader: string | null | undefined): SessionActor | null {
  const sessionToken = sessionTokenFromCookieHeader(cookieHeader ?? undefined);
  return sessionToken ? { sessionToken } : null;
}
