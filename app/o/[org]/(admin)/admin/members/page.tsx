import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listMembers, listMembersQuerySchema, listOpenInvitations } from "@/lib/organizations/list-members";
import { ROLES } from "@/lib/authz/roles";
import { buttonClasses } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { InviteForm } from "./invite-form";
import { InvitationRowActions, MemberRoleForm, RemoveMemberForm } from "./member-row-actions";

export default async function MembersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, query] = await Promise.all([params, searchParams.then((raw) => listMembersQuerySchema.parse(raw))]);
  const { organization, actor } = await loadOrgPage(org, "members.view", "/admin/members");
  const db = await getDb();
  const [t, tr, format, { members, nextCursor }, invitations] = await Promise.all([
    getTranslations("members"),
    getTranslations("roles"),
    getFormatter(),
    listMembers(db, actor, organization.id, query),
    listOpenInvitations(db, actor, organization.id),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">{t("inviteTitle")}</h2>
        <InviteForm orgId={organization.id} defaultLocale={organization.defaultLocale} />
      </Card>
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">{t("pendingTitle")}</h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-muted">{t("pendingEmpty")}</p>
        ) : (
          <ul className="divide-y divide-border">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <span className="font-medium">{invitation.email}</span> · <span>{tr(invitation.role)}</span>
                  <span className="block text-xs text-muted">{t("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium" }) })}</span>
                </div>
                <InvitationRowActions orgId={organization.id} invitationId={invitation.id} email={invitation.email} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <h2 className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="member-search" className="block text-sm font-medium">{t("searchLabel")}</label>
          <input id="member-search" name="q" type="search" defaultValue={query.q} maxLength={100} className="min-h-11 w-64 rounded-md border border-border bg-surface px-3" />
        </div>
        <div className="space-y-1">
          <label htmlFor="member-role" className="block text-sm font-medium">{t("roleFilterLabel")}</label>
          <select id="member-role" name="role" defaultValue={query.role ?? ""} className="min-h-11 rounded-md border border-border bg-surface px-3">
            <option value="">{t("allRoles")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>{tr(role)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>{t("applyFilters")}</button>
      </form>
      <DataTable
        caption={t("title")}
        columns={[{ label: t("name") }, { label: t("email") }, { label: t("role") }, { label: t("joined") }, { label: t("actions") }]}
        footer={members.length === 0 && <p className="px-4 py-6 text-center text-sm text-muted">{t("noMatches")}</p>}
      >
            {members.map((member) => (
              <tr key={member.membershipId}>
                <td className="px-4 py-3">{member.name ?? t("noName")}</td>
                <td className="px-4 py-3">{member.email}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <MemberRoleForm orgId={organization.id} membershipId={member.membershipId} email={member.email ?? ""} role={member.role} />
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(member.joinedAt, { dateStyle: "medium" })}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <RemoveMemberForm orgId={organization.id} membershipId={member.membershipId} email={member.email ?? ""} />
                </td>
              </tr>
            ))}
      </DataTable>
      <nav aria-label={t("listTitle")} className="mt-4 flex justify-between gap-3">
        {query.after ? <ButtonLink variant="secondary" href={pageHref({ ...query, after: undefined })}>{t("firstPage")}</ButtonLink> : <span />}
        {nextCursor && <ButtonLink variant="secondary" href={pageHref({ ...query, after: nextCursor })}>{t("nextPage")}</ButtonLink>}
      </nav>
    </>
  );
}

function pageHref(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = params.toString();
  return search ? `?${search}` : "?";
}
