/* eslint-disable @next/next/no-head-element, @next/next/no-sync-scripts -- a whole document the lean server sends, outside Next; the script is a module, so deferred */
import { LocaleButtons } from "@/components/shell/locale-buttons";
import type { Locale } from "@/lib/i18n/locales";

export interface LeanDocumentProps {
  locale: Locale;
  themeClass?: string;
  title: string;
  texts: { appName: string; tagline: string; skipToContent: string; back: string; language: string; needsJavaScript: string };
  organizationName: string;
  /** Where the header's link leads back to (the person's portal). */
  backHref: string;
  /** The page's own address, where its language buttons post (server/lean-pages.tsx); none on a page that picks its language itself. */
  languageButtonsHref?: string;
  /** The stylesheets of the Next build and the page's own script (scripts/build-server.mjs). */
  assets: { styles: string[]; script: string };
  /** What the page's script starts its component with. */
  props: unknown;
}

/**
 * A respondent's page as the lean server sends it (server/lean-pages.tsx): the app's stylesheet,
 * a light header and the page's placeholder, started in the browser by the page's own bundle
 * (React and one component, no Next runtime; see components/lean/start-lean-page.tsx). The
 * component renders nothing on the server, so nothing is hydrated.
 */
export function LeanDocument({ locale, themeClass, title, texts, organizationName, backHref, languageButtonsHref, assets, props }: LeanDocumentProps) {
  // Inside a script element only "<" can end it early; JSON.parse reads \u003c back.
  const json = JSON.stringify(props).replace(/</g, "\\u003c");
  return (
    <html lang={locale} className={themeClass}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${texts.appName}`}</title>
        <meta name="description" content={texts.tagline} />
        {assets.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {/* Low priority: the header paints first instead of waiting for the bundle. */}
        <script type="module" src={assets.script} fetchPriority="low" />
      </head>
      <body className="min-h-dvh bg-bg font-sans text-fg antialiased">
        <a href="#main" className="skip-link">
          {texts.skipToContent}
        </a>
        <div className="min-h-dvh">
          <header className="border-b border-border bg-surface print:hidden">
            <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="flex items-center gap-3">
                <a href="/home" className="text-lg font-bold tracking-tight text-primary">
                  {texts.appName}
                </a>
                <span className="text-sm font-medium">{organizationName}</span>
              </div>
              <div className="flex items-center gap-2">
                {languageButtonsHref && <LocaleButtons locale={locale} label={texts.language} action={languageButtonsHref} />}
                <a href={backHref} className="min-h-9 rounded px-2 py-2 text-sm text-muted hover:bg-accent hover:text-fg">
                  {texts.back}
                </a>
              </div>
            </div>
          </header>
          <div className="mx-auto max-w-3xl px-4">
            <main id="main" className="min-w-0 flex-1 py-8">
              <noscript>
                <p role="alert" className="rounded-md border border-border bg-surface p-4">
                  {texts.needsJavaScript}
                </p>
              </noscript>
              <div id="lean-root">
                <div className="min-h-96" aria-busy="true" />
              </div>
            </main>
          </div>
        </div>
        <script type="application/json" id="lean-props" dangerouslySetInnerHTML={{ __html: json }} />
      </body>
    </html>
  );
}
