import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderToStaticMarkup } from "react-dom/server";
import { RespondDocument } from "@/components/respond/respond-document";
import { getDb } from "@/db/client";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-actor";
import { sessionUser } from "@/lib/auth/session-user";
import { isAppError } from "@/lib/errors";
import { cookieFromHeader } from "@/lib/http/cookies";
import securityHeaders from "@/lib/http/security-headers.json";
import { MESSAGES } from "@/lib/i18n/messages";
import { localeFromRequestHeaders } from "@/lib/i18n/resolve-locale";
import { log } from "@/lib/log";
import { LAST_ORG_COOKIE } from "@/lib/organizations/last-org-cookie";
import { isTheme, THEME_COOKIE } from "@/lib/preferences/theme";
import { respondFormPage } from "@/lib/responses/respond-form-page";
import { gzippedIfAccepted, isNextRouterRequest } from "./lean-http";

const RESPOND_PATH = /^\/o\/([a-z0-9-]{1,60})\/respond\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
// Written by scripts/build-server.mjs: the form's own bundle and the stylesheets of the Next build.
const ASSETS_FILE = path.join(process.cwd(), ".next", "respond-assets.json");
const assets = existsSync(ASSETS_FILE) ? (JSON.parse(readFileSync(ASSETS_FILE, "utf8")) as { styles: string[]; script: string }) : null;

/**
 * GET /o/:org/respond/:instrumentId, the page respondents open on their phones, without the Next
 * runtime: the form's own bundle is React and the form (about 90 kB gzipped, where the Next page
 * needs 170). A signed-out visitor (a link from a mail) is sent to sign in and back to this form;
 * every other request this page does not serve (not found, forbidden, a failure) is handed to
 * `next`, the Next page at the same address, which answers it as every page does. Returns false
 * for other requests, and for the Next router's own requests.
 */
export function handleRespondPage(request: IncomingMessage, response: ServerResponse, next: () => void): boolean {
  if (!assets || (request.method !== "GET" && request.method !== "HEAD")) return false;
  // A link followed inside the app asks Next for the page's RSC payload: the Next runtime is loaded already, so Next answers it.
  if (isNextRouterRequest(request)) return false;
  const match = request.url ? RESPOND_PATH.exec(request.url.split("?")[0]) : null;
  if (!match) return false;
  const [, orgSlug, instrumentId] = match;
  void (async () => {
    try {
      const sessionToken = sessionTokenFromCookieHeader(request.headers.cookie);
      const db = await getDb();
      const user = sessionToken ? await sessionUser(db, sessionToken) : null;
      if (!user) {
        // As requireActor redirects, but back to this form: Next's organization layout would come back to the organization's home.
        response.writeHead(307, { Location: `/signin?callbackUrl=${encodeURIComponent(`/o/${orgSlug}/respond/${instrumentId}`)}`, "Cache-Control": "no-store" });
        response.end();
        return;
      }
      const { cookie } = request.headers;
      const locale = localeFromRequestHeaders(cookie, request.headers["accept-language"], user.locale);
      const page = await respondFormPage(db, { userId: user.id }, { slug: orgSlug }, instrumentId, locale);
      const theme = cookieFromHeader(cookie, THEME_COOKIE);
      const { common, nav, respond } = MESSAGES[locale];
      const html = renderToStaticMarkup(
        <RespondDocument
          locale={locale}
          themeClass={isTheme(theme) && theme !== "system" ? theme : undefined}
          title={page.title}
          texts={{ appName: common.appName, tagline: common.tagline, skipToContent: common.skipToContent, portal: nav.portal, needsJavaScript: respond.needsJavaScript }}
          organizationName={page.organization.name}
          assets={assets}
          form={page.form}
        />,
      );
      const headers: Record<string, string | string[]> = Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value]));
      // As proxy.ts does for every organization page: "/" returns to the organization last opened.
      if (cookieFromHeader(cookie, LAST_ORG_COOKIE) !== orgSlug) headers["Set-Cookie"] = `${LAST_ORG_COOKIE}=${orgSlug}; Path=/; Max-Age=${365 * 86_400}; HttpOnly; SameSite=Lax`;
      // The page carries the form's texts in each of its languages: sent compressed.
      const { body, isGzipped } = gzippedIfAccepted(request.headers["accept-encoding"], Buffer.from(`<!DOCTYPE html>${html}`));
      response.writeHead(200, {
        ...headers,
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
        Vary: "Accept-Encoding",
        ...(isGzipped ? { "Content-Encoding": "gzip" } : {}),
        "Content-Length": String(body.length),
      });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch (error) {
      if (!isAppError(error)) log.error({ event: "respond-page.failed", err: error }, "respondent page failed; handing it to Next");
      next();
    }
  })();
  return true;
}
