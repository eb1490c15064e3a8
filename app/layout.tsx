import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SHARED_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { isTheme, THEME_COOKIE } from "@/lib/preferences/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, cookieStore, t] = await Promise.all([getLocale(), cookies(), getTranslations("common")]);
  const theme = cookieStore.get(THEME_COOKIE)?.value;
  // "system" renders no class, and the stylesheet follows prefers-color-scheme.
  const themeClass = isTheme(theme) && theme !== "system" ? theme : undefined;
  return (
    <html lang={locale} className={themeClass}>
      <body className="min-h-dvh bg-bg font-sans text-fg antialiased">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <ClientMessages namespaces={SHARED_CLIENT_NAMESPACES}>{children}</ClientMessages>
      </body>
    </html>
  );
}
