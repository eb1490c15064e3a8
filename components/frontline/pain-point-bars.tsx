import { getFormatter, getLocale } from "next-intl/server";
import type { Guarded } from "@/lib/anonymity/suppression";
import type { AnonymityThresholds } from "@/lib/anonymity/thresholds";
import type { PainPoints } from "@/lib/frontline/build-frontline-dashboard";
import { FRONTLINE_PULSE } from "@/lib/frontline/default-pulse";
import { isLocale } from "@/lib/i18n/locales";
import { localize } from "@/lib/instruments/localize";
import { formatN } from "./format";
import { SuppressedNote } from "./suppressed-note";

const painQuestion = FRONTLINE_PULSE.questions.find((question) => question.code === "FRONTLINE_PAIN_AREA");
const choices = painQuestion && "choices" in painQuestion ? painQuestion.choices : [];

/** How often each pain area was chosen, as labelled bars with the count and n in text. */
export async function PainPointBars({ title, painPoints, thresholds }: { title: string; painPoints: Guarded<PainPoints>; thresholds: AnonymityThresholds }) {
  const [format, rawLocale] = await Promise.all([getFormatter(), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const label = (area: string) => localize(choices.find((choice) => choice.id === area)?.label, locale, FRONTLINE_PULSE.defaultLocale);
  return (
    <div className="space-y-3">
      <h3 className="font-medium">{title}</h3>
      {painPoints.suppressed ? (
        <SuppressedNote reason={painPoints.reason} thresholds={thresholds} />
      ) : (
        <>
          <p className="text-xs text-muted">{formatN(format, painPoints.n)}</p>
          <ul className="space-y-2">
            {painPoints.counts.map(({ area, count }) => {
              const share = painPoints.n > 0 ? count / painPoints.n : 0;
              return (
                <li key={area}>
                  <div className="flex justify-between gap-3 text-sm">
                    <span>{label(area)}</span>
                    <span className="tabular-nums text-muted">{format.number(count)} ({format.number(share, { style: "percent", maximumFractionDigits: 0 })})</span>
                  </div>
                  <div className="mt-1 h-2 rounded-full bg-accent" aria-hidden="true">
                    <div className="h-2 rounded-full bg-primary" style={{ width: `${Math.round(share * 100)}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
