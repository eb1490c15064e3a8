import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { QueryProvider } from "@/components/query-provider";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { pollResults } from "@/lib/polls/poll-results";
import { PollResultsView } from "./poll-results-view";

export default async function PollResultsPage({ params }: { params: Promise<{ org: string; panelId: string; pollId: string }> }) {
  const { org, panelId, pollId } = await params;
  const { organization, actor } = await loadOrgPage(org, "insights.view", `/workspace/panels/${panelId}/polls/${pollId}`);
  const [t, locale] = await Promise.all([getTranslations("polls"), getLocale()]);
  const results = await pollResults(await getDb(), actor, { id: organization.id }, { pollId }, locale as Locale).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (results.poll.panelId !== panelId) notFound();
  return (
    <>
      {results.canManage && (
        <nav className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/o/${organization.slug}/workspace/panels/polls`} className="text-primary underline-offset-2 hover:underline">
            {t("backToPolls")}
          </Link>
          <Link href={`/o/${organization.slug}/workspace/panels/${panelId}/polls`} className="text-primary underline-offset-2 hover:underline">
            {t("quickPollsLink")}
          </Link>
        </nav>
      )}
      <PageHeader title={results.poll.prompt} description={t(`kind.${results.poll.kind}`)} />
      <QueryProvider>
        <PollResultsView orgId={organization.id} orgSlug={organization.slug} initial={results} />
      </QueryProvider>
    </>
  );
}
