import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { ProgrammeResponseRate } from "@/lib/programs/programme-response-rates";

/** Each programme's latest round: answered of invited and the rate; a table, so it reads and prints alike. */
export async function ResponseRatesTable({ rates }: { rates: readonly ProgrammeResponseRate[] }) {
  const [t, format] = await Promise.all([getTranslations("responseRates"), getFormatter()]);
  if (rates.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="response-rates">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{t("programme")}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t("latest")}</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">{t("answeredColumn")}</th>
            <th scope="col" className="py-1 text-right font-medium">{t("rate")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rates.map((row) => (
            <tr key={row.programId} data-testid="response-rate">
              <th scope="row" className="py-1 pr-3 font-normal">
                <span data-user-content>{row.name}</span> <span className="text-muted">· {t(`kind_${row.kind}`)}</span>
              </th>
              <td className="py-1 pr-3">
                {format.dateTime(row.openedAt, { dateStyle: "medium", timeZone: "UTC" })} {row.isOpen && <Badge tone="success">{t("open")}</Badge>}
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">{t("answered", { responded: row.responded, invited: row.invited })}</td>
              <td className="py-1 text-right tabular-nums">{row.rate === null ? "—" : format.number(row.rate, { style: "percent", maximumFractionDigits: 0 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
