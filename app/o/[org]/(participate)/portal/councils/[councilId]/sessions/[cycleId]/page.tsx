import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FiguresCard } from "@/components/cycles/figures-card";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { getPublishedMemo } from "@/lib/memos/get-published-memo";

export default async function SessionMemoPage({ params }: { params: Promise<{ org: string; councilId: string; cycleId: string }> }) {
  const { org, councilId, cycleId } = await params;
  const { organization, actor } = await loadOrgPage(org, "portal.view", `/portal/councils/${councilId}/sessions/${cycleId}`);
  const [t, format] = await Promise.all([getTranslations("memos"), getFormatter()]);
  const memo = await getPublishedMemo(await getDb(), actor, organization.id, councilId, cycleId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <article>
      <PageHeader
        title={memo.title}
        description={t("memberDescription", { council: memo.councilName, period: format.dateTime(memo.opensAt, { month: "long", year: "numeric", timeZone: "UTC" }) })}
      />
      <div className="space-y-6">
        {memo.body && (
          <Card>
            <p className="whitespace-pre-wrap break-words">{memo.body}</p>
          </Card>
        )}
        {memo.quotes.length > 0 && (
          <Card aria-labelledby="quotes-title">
            <h2 id="quotes-title" className="mb-3 text-lg font-semibold">{t("quotesTitle")}</h2>
            <ul className="space-y-3">
              {memo.quotes.map((quote, index) => (
                <li key={index}>
                  <blockquote className="border-l-4 border-primary pl-3 break-words italic">“{quote}”</blockquote>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {memo.figures && <FiguresCard figures={memo.figures} title={t("figuresTitle")} />}
        {memo.publishedAt && <p className="text-sm text-muted">{t("publishedOn", { date: format.dateTime(memo.publishedAt, { dateStyle: "long" }) })}</p>}
      </div>
    </article>
  );
}
