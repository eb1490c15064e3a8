import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import type { FrontlineDashboard } from "@/lib/frontline/frontline-dashboard";
import { formatPulse, formatRate } from "./format";

/** The dashboard's frontline card: the latest closed month's pulse and response rate, and the way in. */
export async function FrontlineSummaryCard({ orgSlug, dashboard }: { orgSlug: string; dashboard: FrontlineDashboard }) {
  const [t, format] = await Promise.all([getTranslations("frontlineDashboard"), getFormatter()]);
  const latest = dashboard.program ? dashboard.trend.findLast((cycle) => cycle.status === "closed") : undefined;
  const month = latest ? format.dateTime(new Date(latest.opensAt), { month: "long", year: "numeric", timeZone: "UTC" }) : "";
  const rate = latest?.responseRate ? formatRate(format, latest.responseRate).value : "–";
  let body: string;
  if (!dashboard.program) body = t("cardEmpty");
  else if (!latest) body = t("cardNoData");
  else if (latest.pulse.suppressed) body = t("cardPulseHidden", { rate, month });
  else body = t("cardPulse", { score: formatPulse(format, latest.pulse).value, n: latest.pulse.n, month, rate });
  return (
    <Card aria-labelledby="frontline-card-title">
      <h2 id="frontline-card-title" className="text-lg font-semibold">{t("cardTitle")}</h2>
      <p className="mt-2 text-sm text-muted">{body}</p>
      <div className="mt-4">
        <ButtonLink href={`/o/${orgSlug}/dashboard/frontline`} variant="secondary">{t("cardLink")}</ButtonLink>
      </div>
    </Card>
  );
}
