import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import type { listRecentDecisions } from "@/lib/decisions/list-decisions";

/** The leaders' home: the latest decisions with their campaign, and the way to the log. */
export async function RecentDecisionsCard({ orgSlug, decisions, canOpenCampaigns }: { orgSlug: string; decisions: Awaited<ReturnType<typeof listRecentDecisions>>; canOpenCampaigns: boolean }) {
  const [t, format] = await Promise.all([getTranslations("campaigns"), getFormatter()]);
  return (
    <Card aria-labelledby="recent-decisions-title" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="recent-decisions-title" className="text-lg font-semibold">{t("recentTitle")}</h2>
        {canOpenCampaigns && <Link href={`/o/${orgSlug}/campaigns`} className="text-sm text-primary underline">{t("recentAll")}</Link>}
      </div>
      {decisions.length === 0 ? (
        <p className="text-sm text-muted">{t("recentEmpty")}</p>
      ) : (
        <ul className="divide-y divide-border">
          {decisions.map((decision) => (
            <li key={decision.id} className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
              <Badge tone={decision.kind === "stop" ? "danger" : decision.kind === "launch" ? "success" : "warning"}>{t(`kind_${decision.kind}`)}</Badge>
              {canOpenCampaigns ? <Link href={`/o/${orgSlug}/campaigns/${decision.campaignId}#decision-${decision.id}`} className="font-medium text-primary underline" data-user-content>{decision.campaignName}</Link> : <span className="font-medium" data-user-content>{decision.campaignName}</span>}
              <span className="text-muted">{t("decidedBy", { name: decision.decidedByName || t("someone"), date: format.dateTime(decision.decidedAt, { dateStyle: "medium" }) })}</span>
              <span className="w-full truncate text-muted" data-user-content>{decision.rationale}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
