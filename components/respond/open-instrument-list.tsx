import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import type { OpenInstrument } from "@/lib/responses/list-open-instruments";

/** The portal's list of what the person may answer, with Start / Continue / Done. */
export async function OpenInstrumentList({ orgSlug, instruments }: { orgSlug: string; instruments: OpenInstrument[] }) {
  const [t, locale] = await Promise.all([getTranslations("respond"), getLocale()]);
  return (
    <section aria-labelledby="open-instruments" className="space-y-3">
      <h2 id="open-instruments" className="text-lg font-semibold">
        {t("portalTitle")}
      </h2>
      <ul className="space-y-3">
        {instruments.map((instrument) => {
          const title = localize(instrument.title, locale as Locale, instrument.defaultLocale);
          const href = `/o/${orgSlug}/respond/${instrument.id}`;
          return (
            <li key={instrument.id} data-testid="open-instrument" data-status={instrument.status} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-surface p-4 shadow-sm">
              <div className="min-w-0 flex-1 basis-48 space-y-1">
                <h3 className="font-semibold">{title}</h3>
                <Badge tone={instrument.status === "completed" ? "success" : instrument.status === "in_progress" ? "warning" : "neutral"}>{t(`status.${instrument.status}`)}</Badge>
              </div>
              {instrument.status === "completed" ? (
                <p className="text-sm text-muted">{t("doneNote")}</p>
              ) : (
                // A whole page load, not the Next router: the form page is served light (server/lean-pages.tsx).
                <a href={href} className={buttonClasses("primary", "w-full sm:w-auto")}>
                  {t(instrument.status === "in_progress" ? "continue" : "start")}
                  <span className="sr-only">: {title}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
