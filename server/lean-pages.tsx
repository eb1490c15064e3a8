import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderToStaticMarkup } from "react-dom/server";
import { LeanDocument } from "@/components/lean/lean-document";
import { getDb, type Db } from "@/db/client";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-actor";
import { sessionUser } from "@/lib/auth/session-user";
import { AppError, isAppError } from "@/lib/errors";
import { routeError } from "@/lib/http/route-error";
import { cookieFromHeader, setCookieHeader } from "@/lib/http/cookies";
import securityHeaders from "@/lib/http/security-headers.json";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { localeFromRequestHeaders } from "@/lib/i18n/resolve-locale";
import { liveParticipantPage } from "@/lib/live/live-participant-page";
import { log } from "@/lib/log";
import { LAST_ORG_COOKIE } from "@/lib/organizations/last-org-cookie";
import { PREFERENCE_COOKIE_OPTIONS } from "@/lib/preferences/cookie-options";
import { chooseLocale, localeChoiceSchema } from "@/lib/preferences/locale";
import { isTheme, THEME_COOKIE } from "@/lib/preferences/theme";
import { respondFormPage } from "@/lib/responses/respond-form-page";
import { gzippedIfAccepted, isNextRouterRequest, isSameOriginPost, readBody, send } from "./lean-http";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
// Written by scripts/build-server.mjs: each page's own bundle and the stylesheets of the Next build.
const ASSETS_FILE = path.join(process.cwd(), ".next", "lean-assets.json");
const assets = existsSync(ASSETS_FILE) ? (JSON.parse(readFileSync(ASSETS_FILE, "utf8")) as { styles: string[]; scripts: Record<LeanPage["script"], string> }) : null;

/** What a lean page shows: its title, its organization and its component's props. */
interface LeanContent {
  title: string;
  organization: { slug: string; name: string };
  props: unknown;
  needsJavaScript: string;
}

interface LeanPage {
  path: RegExp;
  /** The bundle that starts the page's component (scripts/build-server.mjs). */
  script: "respond" | "live";
  /** Whether the header offers the app's language buttons (the survey form has its own language picker). */
  hasLanguageButtons: boolean;
  /** The page for this person, or null when it is the Next page's to answer (a moderator's live session). */
  load: (db: Db, userId: string, orgSlug: string, id: string, locale: Locale) => Promise<LeanContent | null>;
}

// The pages respondents open on their phones that need script: without the Next runtime, each is
// React and its one component (about 90 kB gzipped, where a Next page needs 150).
const LEAN_PAGES: LeanPage[] = [
  {
    path: new RegExp(`^/o/([a-z0-9-]{1,60})/respond/(${UUID})$`),
    script: "respond",
    hasLanguageButtons: false,
    load: async (db, userId, orgSlug, instrumentId, locale) => {
      const page = await respondFormPage(db, { userId }, { slug: orgSlug }, instrumentId, locale);
      return { title: page.title, organization: page.organization, props: page.form, needsJavaScript: MESSAGES[locale].respond.needsJavaScript };
    },
  },
  {
    path: new RegExp(`^/o/([a-z0-9-]{1,60})/live/(${UUID})$`),
    script: "live",
    hasLanguageButtons: true,
    load: async (db, userId, orgSlug, sessionId, locale) => {
      const page = await liveParticipantPage(db, { userId }, { slug: orgSlug }, sessionId, locale);
      return page && { title: page.title, organization: page.organization, props: page.view, needsJavaScript: MESSAGES[locale].live.participant.needsJavaScript };
    },
  },
];

/**
 * GET /o/:org/respond/:instrumentId (the survey form) and /o/:org/live/:sessionId (a participant's
 * live session, and POST of its language buttons) without the Next runtime. A signed-out visitor
 * (a link from a mail) is sent to sign in and back to the page; every other request a page does
 * not serve (not found, forbidden, a moderator, a failure) is handed to `next`, the Next page at
 * the same address, which answers it as every page does. Returns false for other requests, and
 * for the Next router's own requests.
 */
export function handleLeanPage(request: IncomingMessage, response: ServerResponse, next: () => void): boolean {
  if (!assets || (request.method !== "GET" && request.method !== "HEAD" && request.method !== "POST")) return false;
  // A link followed inside the app asks Next for the page's RSC payload: the Next runtime is loaded already, so Next answers it.
  if (isNextRouterRequest(request)) return false;
  const pathname = request.url?.split("?")[0] ?? "";
  const page = LEAN_PAGES.find((candidate) => candidate.path.test(pathname));
  if (!page) return false;
  if (request.method === "POST") {
    if (!page.hasLanguageButtons) return false;
    void switchLocale(request, response, pathname);
    return true;
  }
  const [, orgSlug, id] = page.path.exec(pathname)!;
  void (async () => {
    try {
      const sessionToken = sessionTokenFromCookieHeader(request.headers.cookie);
      const db = await getDb();
      const user = sessionToken ? await sessionUser(db, sessionToken) : null;
      if (!user) {
        // As requireActor redirects, but back to this page: Next's organization layout would come back to the organization's home.
        response.writeHead(307, { Location: `/signin?callbackUrl=${encodeURIComponent(pathname)}`, "Cache-Control": "no-store" });
        response.end();
        return;
      }
      const { cookie } = request.headers;
      const locale = localeFromRequestHeaders(cookie, request.headers["accept-language"], user.locale);
      const content = await page.load(db, user.id, orgSlug, id, locale);
      if (!content) return next();
      const theme = cookieFromHeader(cookie, THEME_COOKIE);
      const { common, nav } = MESSAGES[locale];
      const html = renderToStaticMarkup(
        <LeanDocument
          locale={locale}
          themeClass={isTheme(theme) && theme !== "system" ? theme : undefined}
          title={content.title}
          texts={{ appName: common.appName, tagline: common.tagline, skipToContent: common.skipToContent, back: nav.portal, language: common.language, needsJavaScript: content.needsJavaScript }}
          organizationName={content.organization.name}
          backHref={`/o/${content.organization.slug}/portal`}
          languageButtonsHref={page.hasLanguageButtons ? pathname : undefined}
          assets={{ styles: assets.styles, script: assets.scripts[page.script] }}
          props={content.props}
        />,
      );
      const headers: Record<string, string | string[]> = Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value]));
      // As proxy.ts does for every organization page: "/" returns to the organization last opened.
      if (cookieFromHeader(cookie, LAST_ORG_COOKIE) !== orgSlug) headers["Set-Cookie"] = setCookieHeader({ name: LAST_ORG_COOKIE, value: orgSlug, ...PREFERENCE_COOKIE_OPTIONS, httpOnly: true });
      // The page carries its component's texts (the form's in each of its languages): sent compressed.
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
      if (!isAppError(error)) log.error({ event: "lean-page.failed", err: error }, "lean page failed; handing it to Next");
      next();
    }
  })();
  return true;
}

/**
 * POST of a lean page's language buttons, as setLocaleAction does on Next's pages: the language
 * goes into the person's profile and the cookie, and the page comes back in it. Only this site's
 * own pages may post it; anything but a supported language changes nothing.
 */
async function switchLocale(request: IncomingMessage, response: ServerResponse, pathname: string) {
  try {
    if (!isSameOriginPost(request)) throw new AppError("FORBIDDEN", "forbidden");
    const choice = localeChoiceSchema.parse(Object.fromEntries(new URLSearchParams(await readBody(request, 1024))));
    const sessionToken = sessionTokenFromCookieHeader(request.headers.cookie);
    const db = await getDb();
    const user = sessionToken ? await sessionUser(db, sessionToken) : null;
    await chooseLocale(db, user ? { userId: user.id } : null, choice);
    response.writeHead(303, { Location: pathname, "Set-Cookie": setCookieHeader({ name: LOCALE_COOKIE, value: choice.locale, ...PREFERENCE_COOKIE_OPTIONS }), "Cache-Control": "no-store" });
    response.end();
  } catch (error) {
    await send(response, routeError(error));
  }
}
