import { getTranslations } from "next-intl/server";
import type { MyData } from "@/lib/participants/my-data-types";

/** Jump links to each section with its count: the page is long on a phone. */
export async function MyContributionsNav({ data }: { data: MyData }) {
  const t = await getTranslations("myData");
  const links: Array<{ id: string; label: string; count?: number }> = [
    { id: "you-said-we-did", label: t("youSaidTitle"), count: data.youSaidWeDid.length },
    { id: "learned", label: t("learnedTitle"), count: data.learned.memos.length },
    { id: "account", label: t("accountTitle") },
    { id: "groups", label: t("programsTitle"), count: data.programs.length },
    { id: "consents", label: t("consentsTitle"), count: data.consents.length },
    { id: "responses", label: t("responsesTitle"), count: data.responses.total },
    { id: "live-answers", label: t("liveAnswersTitle"), count: data.liveAnswers.total },
    { id: "live-posts", label: t("livePostsTitle"), count: data.livePosts.total },
    ...(data.membership.role === "frontline" || data.fieldReports.total > 0 ? [{ id: "reports", label: t("fieldReportsTitle"), count: data.fieldReports.total }] : []),
    ...(data.interviews.total > 0 ? [{ id: "interviews", label: t("interviewsTitle"), count: data.interviews.total }] : []),
    { id: "mails", label: t("mailsTitle"), count: data.mails.total },
    { id: "activity", label: t("activityTitle"), count: data.activity.total },
  ];
  return (
    <nav aria-label={t("sectionsNav")} className="rounded-lg border border-border bg-surface px-4 py-2 print:hidden">
      <ul className="grid gap-x-4 sm:grid-cols-2">
        {links.map((link) => (
          <li key={link.id}>
            <a href={`#${link.id}`} className="flex min-h-11 items-center justify-between gap-2 text-sm text-primary underline-offset-2 hover:underline">
              <span>{link.label}</span>
              {link.count !== undefined && <span className="rounded-full bg-accent px-2 text-xs text-fg">{link.count}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
