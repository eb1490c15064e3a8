
/** Auth.js database-session cookie names (the secure one on HTTPS). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function sessionTokenFromCookieHeader(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    const name = part.slice(0, separator).trim();
    if ((SESSION_COOKIES as readonly string[]).includes(name)) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}
