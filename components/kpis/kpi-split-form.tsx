import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

const SELECT = "min-h-11 w-full rounded-md border border-border bg-surface px-3 sm:w-auto";
type Option = { value: string; label: string };

/** The attribute and period of a KPI split as a plain GET form: works without JavaScript and keeps the URL shareable. */
export async function KpiSplitForm({ keys, periods, selected }: { keys: Option[]; periods: Option[]; selected: { by: string; period: string } }) {
  const t = await getTranslations("kpis");
  return (
    <form method="get" role="search" aria-label={t("splitFormLabel")} className="flex flex-wrap items-end gap-3">
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="split-by" className="block text-sm font-medium">{t("splitBy")}</label>
        <select id="split-by" name="by" defaultValue={selected.by} className={SELECT}>
          <option value="">{t("noSplit")}</option>
          {keys.map((key) => <option key={key.value} value={key.value}>{key.label}</option>)}
        </select>
      </div>
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="split-period" className="block text-sm font-medium">{t("periodLabel")}</label>
        <select id="split-period" name="period" defaultValue={selected.period} className={SELECT}>
          <option value="">{t("latestPeriod")}</option>
          {periods.map((period) => <option key={period.value} value={period.value}>{period.label}</option>)}
        </select>
      </div>
      <Button type="submit">{t("showSplit")}</Button>
    </form>
  );
}
