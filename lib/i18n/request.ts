import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/actor";
import { LOCALE_COOKIE } from "./locales";
import { MESSAGES } from "./messages";
import { resolveLocale } from "./resolve-locale";

export default getRequestConfig(async () => {
  const [user, cookieStore, headerStore] = await Promise.all([getSessionUser().catch(() => null), cookies(), headers()]);
  const locale = resolveLocale({
    profileLocale: user?.locale,
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
