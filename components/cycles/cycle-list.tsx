import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listProgramCycles } from "@/lib/cycles/list-program-cycles";
import { CycleStatusBadge } from "./cycle-status-badge";

/**
 * A program's cycles (council sessions or monthly frontline pulses) for researchers: dates, status
 * and response rate, each linking to its page. Counts only: never who answered.
 */
export async function CycleList({ orgSlug, programId }: { orgSlug: string; programId: string }) {
  const { organization, actor } = await loadOrgPage(orgSlug, "workspace.view");
  const [t, format, cycles] = await Promise.all([getTranslations("cycles"), getFormatter(), listProgramCycles(await getDb(), actor, organization.id, programId)]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <DataTable
      caption={t("listCaption")}
      columns={[{ label: t("period") }, { label: t("opens") }, { label: t("closes") }, { label: t("statusLabel") }, { label: t("responses"), className: "text-right" }]}
      footer={cycles.length === 0 && <p className="px-4 py-6 text-center text-sm text-muted">{t("listEmpty")}</p>}
    >
      {cycles.map((cycle) => (
        <tr key={cycle.id} data-testid="cycle-row" data-opens-at={cycle.opensAt.toISOString()} data-closes-at={cycle.closesAt.toISOString()}>
          <td className="px-4 py-3 whitespace-nowrap">
            <Link href={`/o/${orgSlug}/workspace/programs/${programId}/cycles/${cycle.id}`} className="font-medium text-primary underline">
              {format.dateTime(cycle.opensAt, { month: "long", year: "numeric", timeZone: "UTC" })}
            </Link>
          </td>
          <td className="px-4 py-3 whitespace-nowrap">{date(cycle.opensAt)}</td>
          <td className="px-4 py-3 whitespace-nowrap">{date(cycle.closesAt)}</td>
          <td className="px-4 py-3 whitespace-nowrap">
            <CycleStatusBadge status={cycle.status} />
          </td>
          <td className="px-4 py-3 text-right whitespace-nowrap" data-testid="cycle-responses">
            {cycle.status === "scheduled"
              ? "—"
              : t("respondedOf", { responded: cycle.responded, invited: cycle.invited, rate: cycle.responseRate === null ? "—" : format.number(cycle.responseRate, { style: "percent" }) })}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
