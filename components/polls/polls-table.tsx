import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { QuickPollRow } from "@/lib/polls/list-quick-polls";

/** Quick polls with status, deadline, answers and why each closed; the question links to its results. */
export async function PollsTable({ orgSlug, polls, showPanel }: { orgSlug: string; polls: QuickPollRow[]; showPanel: boolean }) {
  const [t, format] = await Promise.all([getTranslations("polls"), getFormatter()]);
  const columns = [{ label: t("colQuestion") }, ...(showPanel ? [{ label: t("colPanel") }] : []), { label: t("colStatus") }, { label: t("colDeadline") }, { label: t("colAnswers"), className: "text-right" }, { label: t("colReason") }];
  return (
    <DataTable caption={t("tableCaption")} columns={columns}>
      {polls.map((poll) => (
        <tr key={poll.id} data-testid="poll-row">
          <td className="px-4 py-3">
            <Link href={`/o/${orgSlug}/workspace/panels/${poll.panelId}/polls/${poll.id}`} className="font-medium text-primary underline-offset-2 hover:underline">
              {poll.question}
            </Link>
          </td>
          {showPanel && <td className="px-4 py-3">{poll.panelName}</td>}
          <td className="px-4 py-3">
            <Badge tone={poll.status === "open" ? "success" : "neutral"}>{t(`status.${poll.status}`)}</Badge>
          </td>
          <td className="whitespace-nowrap px-4 py-3">{format.dateTime(poll.deadline, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}</td>
          <td className="px-4 py-3 text-right tabular-nums">{format.number(poll.answers)}</td>
          <td className="px-4 py-3">{poll.closeReason ? t(`reason.${poll.closeReason}`) : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
