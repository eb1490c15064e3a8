import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

const SELECT = "min-h-11 w-full rounded-md border border-border bg-surface px-3 sm:w-auto";

/** Team, location and month as plain GET selects: works without JavaScript and keeps the URL shareable. */
export async function FrontlineFilters({ basePath, teams, locations, months, selected }: { basePath: string; teams: string[]; locations: string[]; months: Array<{ sequence: number; label: string }>; selected: { team?: string; location?: string; cycle?: number } }) {
  const t = await getTranslations("frontlineDashboard");
  return (
    <form method="get" role="search" aria-label={t("filtersLabel")} className="flex flex-wrap items-end gap-3">
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="filter-team" className="block text-sm font-medium">{t("teamLabel")}</label>
        <select id="filter-team" name="team" defaultValue={selected.team ?? ""} className={SELECT}>
          <option value="">{t("allTeams")}</option>
          {teams.map((team) => <option key={team} value={team}>{team}</option>)}
        </select>
      </div>
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="filter-location" className="block text-sm font-medium">{t("locationLabel")}</label>
        <select id="filter-location" name="location" defaultValue={selected.location ?? ""} className={SELECT}>
          <option value="">{t("allLocations")}</option>
          {locations.map((location) => <option key={location} value={location}>{location}</option>)}
        </select>
      </div>
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="filter-cycle" className="block text-sm font-medium">{t("cycleLabel")}</label>
        <select id="filter-cycle" name="cycle" defaultValue={selected.cycle === undefined ? "" : String(selected.cycle)} className={SELECT}>
          <option value="">{t("latestClosed")}</option>
          {months.map((month) => <option key={month.sequence} value={month.sequence}>{month.label}</option>)}
        </select>
      </div>
      <Button type="submit">{t("apply")}</Button>
      {(selected.team || selected.location || selected.cycle !== undefined) && (
        <Link href={basePath} className="min-h-11 py-3 text-sm text-primary underline">{t("clear")}</Link>
      )}
    </form>
  );
}
