import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { AnonymityThresholds } from "@/lib/anonymity/thresholds";
import type { GroupRow } from "@/lib/frontline/build-frontline-dashboard";
import { formatN, formatPulse, formatRate } from "./format";
import { SuppressedNote } from "./suppressed-note";

/** Response rate and pulse per team (or location): counts always, scores only where the rules allow. */
export async function GroupTable({ caption, groupLabel, rows, thresholds }: { caption: string; groupLabel: string; rows: GroupRow[]; thresholds: AnonymityThresholds }) {
  const [t, format] = await Promise.all([getTranslations("frontlineDashboard"), getFormatter()]);
  if (rows.length === 0) return <p className="text-sm text-muted">{t("noGroups")}</p>;
  return (
    <DataTable caption={caption} columns={[{ label: groupLabel }, { label: t("rateColumn") }, { label: t("pulseColumn") }]}>
      {rows.map((row) => {
        const rate = row.responseRate ? formatRate(format, row.responseRate) : null;
        const pulse = row.pulse.suppressed ? null : formatPulse(format, row.pulse);
        return (
          <tr key={row.key} data-group={row.key}>
            <th scope="row" className="px-4 py-3 font-medium">{row.key}</th>
            <td className="px-4 py-3 tabular-nums">
              {rate ? rate.value : "–"} <span className="text-xs text-muted">{t("respondedOf", { responded: row.responded, invited: row.invited })}</span>
              {rate?.interval && <span className="block text-xs text-muted">{t("interval", { interval: rate.interval })}</span>}
            </td>
            <td className="px-4 py-3 tabular-nums">
              {row.pulse.suppressed ? (
                <SuppressedNote reason={row.pulse.reason} thresholds={thresholds} />
              ) : (
                <>
                  <span className="font-semibold">{pulse!.value}</span> <span className="text-xs text-muted">{formatN(format, row.pulse.n)}</span>
                  {pulse!.interval && <span className="block text-xs text-muted">{t("interval", { interval: pulse!.interval })}</span>}
                </>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
