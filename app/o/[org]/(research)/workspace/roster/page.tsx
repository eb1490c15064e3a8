import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listRoster, listRosterFacets, listRosterQuerySchema } from "@/lib/roster/list-roster";
import { RosterImport } from "./roster-import";
import { StaffActiveToggle } from "./staff-row-actions";

const SELECT = "min-h-11 w-full rounded-md border border-border bg-surface px-3 sm:w-auto";

export default async function RosterPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, query] = await Promise.all([params, searchParams.then((raw) => listRosterQuerySchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "frontline.manage", "/workspace/roster");
  const db = await getDb();
  const [t, { staff, total, nextCursor }, facets] = await Promise.all([getTranslations("roster"), listRoster(db, actor, organization.id, query), listRosterFacets(db, actor, organization.id)]);
  const isFiltered = Boolean(query.team || query.location || query.status !== "all");
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">{t("importTitle")}</h2>
        <RosterImport orgId={organization.id} />
      </Card>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("listTitle")}</h2>
        <p className="text-sm text-muted" data-testid="roster-total">
          {t("total", { count: total })}
        </p>
      </div>
      {total === 0 && !isFiltered ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <>
          <form method="get" role="search" className="mb-4 grid gap-3 sm:flex sm:flex-wrap sm:items-end">
            <Filter id="roster-team" name="team" label={t("teamFilter")} value={query.team} options={[{ value: "", label: t("allTeams") }, ...facets.teams.map((team) => ({ value: team, label: team }))]} />
            <Filter id="roster-location" name="location" label={t("locationFilter")} value={query.location} options={[{ value: "", label: t("allLocations") }, ...facets.locations.map((location) => ({ value: location, label: location }))]} />
            <Filter id="roster-status" name="status" label={t("statusFilter")} value={query.status} options={[{ value: "all", label: t("statusAll") }, { value: "active", label: t("statusActive") }, { value: "inactive", label: t("statusInactive") }]} />
            <button type="submit" className={buttonClasses("secondary")}>
              {t("applyFilters")}
            </button>
          </form>
          <DataTable
            caption={t("listTitle")}
            columns={[{ label: t("name") }, { label: t("email") }, { label: t("team") }, { label: t("location") }, { label: t("role") }, { label: t("manager") }, { label: t("status") }, { label: t("actions") }]}
            footer={staff.length === 0 && <p className="px-4 py-6 text-center text-sm text-muted">{t("noMatches")}</p>}>
            {staff.map((person) => (
              <tr key={person.membershipId} data-testid="roster-row">
                <td className="px-4 py-3">{person.name ?? t("noName")}</td>
                <td className="px-4 py-3">{person.email}</td>
                <td className="px-4 py-3">{person.attributes.team}</td>
                <td className="px-4 py-3">{person.attributes.location}</td>
                <td className="px-4 py-3">{person.attributes.role}</td>
                <td className="px-4 py-3">{person.attributes.manager === "yes" ? t("yes") : person.attributes.manager === "no" ? t("no") : ""}</td>
                <td className="px-4 py-3 whitespace-nowrap">{person.isActive ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <StaffActiveToggle orgId={organization.id} membershipId={person.membershipId} email={person.email ?? ""} isActive={person.isActive} />
                </td>
              </tr>
            ))}
          </DataTable>
          <nav aria-label={t("listTitle")} className="mt-4 flex justify-between gap-3">
            {query.after ? <ButtonLink variant="secondary" href={pageHref({ ...query, after: undefined })}>{t("firstPage")}</ButtonLink> : <span />}
            {nextCursor && <ButtonLink variant="secondary" href={pageHref({ ...query, after: nextCursor })}>{t("nextPage")}</ButtonLink>}
          </nav>
        </>
      )}
    </>
  );
}

function Filter({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: Array<{ value: string; label: string }> }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={SELECT}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function pageHref(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]) && !(entry[0] === "status" && entry[1] === "all")));
  const search = params.toString();
  return search ? `?${search}` : "?";
}
