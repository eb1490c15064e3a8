import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceList } from "@/components/decisions/evidence-list";
import { Badge } from "@/components/ui/card";
import type { MyData } from "@/lib/participants/my-data-types";
import { MyDataSection } from "./my-data-section";

/** "You said, we did": the decisions that cited the person's groups, each with only what it cited from them. */
export async function YouSaidWeDid({ decisions }: { decisions: MyData["youSaidWeDid"] }) {
  const [t, tc, format] = await Promise.all([getTranslations("myData"), getTranslations("campaigns"), getFormatter()]);
  const day = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium" });
  return (
    <MyDataSection id="you-said-we-did" title={t("youSaidTitle")} count={decisions.length} intro={t("youSaidIntro")}>
      {decisions.length === 0 ? (
        <p className="text-sm text-muted">{t("youSaidEmpty")}</p>
      ) : (
        <ol className="space-y-4">
          {decisions.map((decision) => (
            <li key={decision.id} className="rounded-md border border-border p-3" data-testid="my-decision">
              <h3 className="font-semibold break-words" data-user-content>{decision.campaignName}</h3>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                <span>{t("decisionLabel")}:</span>
                <Badge tone={decision.kind === "stop" ? "danger" : decision.kind === "launch" ? "success" : "warning"}>{tc(`kind_${decision.kind}`)}</Badge>
                <span className="text-muted">{t("decidedOn", { date: day(decision.decidedAt) })}</span>
              </p>
              {decision.corrects && <p className="mt-1 text-sm font-medium">{t("correctsEarlier", { date: day(decision.corrects.decidedAt) })}</p>}
              {decision.correctedBy.map((entry) => <p key={entry.id} className="mt-1 text-sm text-warning">{t("correctedLater", { date: day(entry.decidedAt) })}</p>)}
              <h4 className="mt-2 text-sm font-semibold">{t("rationaleLabel")}</h4>
              <p className="text-sm whitespace-pre-wrap break-words" data-user-content>{decision.rationale}</p>
              <h4 className="mt-2 text-sm font-semibold">{t("citedLabel")}</h4>
              <EvidenceList items={decision.cited} />
            </li>
          ))}
        </ol>
      )}
    </MyDataSection>
  );
}

/** What was learned from the person's groups: published memos, and insights that rest partly on their words. */
export async function LearnedFromMyGroups({ learned }: { learned: MyData["learned"] }) {
  const [t, format] = await Promise.all([getTranslations("myData"), getFormatter()]);
  return (
    <MyDataSection id="learned" title={t("learnedTitle")} count={learned.memos.length + learned.insights.length}>
      <h3 className="font-semibold">{t("memosTitle")}</h3>
      {learned.memos.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t("memosEmpty")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {learned.memos.map((memo) => (
            <li key={memo.memoId} className="rounded-md border border-border p-3" data-testid="my-memo">
              <p className="font-medium break-words" data-user-content>{memo.title}</p>
              <p className="text-sm text-muted">
                <span data-user-content>{memo.programName}</span>
                {" · "}
                {t("sessionOf", { date: format.dateTime(new Date(memo.sessionOpensAt), { month: "long", year: "numeric", timeZone: "UTC" }) })}
              </p>
              <details className="mt-1">
                <summary className="min-h-11 cursor-pointer py-2 text-sm text-primary">{t("showMemo")}</summary>
                <p className="text-sm whitespace-pre-wrap break-words" data-user-content>{memo.body}</p>
              </details>
              {memo.href && <Link href={memo.href} className="inline-flex min-h-11 items-center text-sm text-primary underline">{t("openMemo")} →</Link>}
            </li>
          ))}
        </ul>
      )}
      {/* Published insights that rest partly on the person's own words: claim, body and date, never anyone's passages. */}
      <h3 className="mt-4 font-semibold">{t("insightsTitle")}</h3>
      {learned.insights.length === 0 ? (
        <p className="mt-1 text-sm text-muted" data-testid="my-insights">{t("insightsEmpty")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">{t("insightsIntro")}</p>
          <ul className="mt-2 space-y-3" data-testid="my-insights">
            {learned.insights.map((insight) => (
              <li key={insight.insightId} className="rounded-md border border-border p-3" data-testid="my-insight">
                <p className="font-medium break-words" data-user-content>{insight.claim}</p>
                <p className="text-sm text-muted">{t("insightPublished", { date: format.dateTime(new Date(insight.publishedAt), { dateStyle: "medium" }) })}</p>
                {insight.body && (
                  <details className="mt-1">
                    <summary className="min-h-11 cursor-pointer py-2 text-sm text-primary">{t("showInsight")}</summary>
                    <p className="text-sm whitespace-pre-wrap break-words" data-user-content>{insight.body}</p>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </MyDataSection>
  );
}
