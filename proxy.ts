import { NextResponse, type NextRequest } from "next/server";
import { LAST_ORG_COOKIE } from "@/lib/organizations/last-org-cookie";
import { PREFERENCE_COOKIE_OPTIONS } from "@/lib/preferences/cookie-options";

// Remembers the organization last opened so "/" can return there. Only a hint: every page
// still checks membership on the server.
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const slug = request.nextUrl.pathname.split("/")[2];
  if (slug && /^[a-z0-9-]{1,60}$/.test(slug) && request.cookies.get(LAST_ORG_COOKIE)?.value !== slug) {
    response.cookies.set(LAST_ORG_COOKIE, slug, { ...PREFERENCE_COOKIE_OPTIONS, httpOnly: true });
  }
  return response;
}

export const config = { matcher: "/o/:slug/:path*" };
