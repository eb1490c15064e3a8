import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listMembers, listOpenInvitations } from "@/lib/organizations/list-members";
import { InviteForm } from "./invite-form";
import { InvitationRowActions, MemberRowActions } from "./member-row-actions";

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "members.view", "/admin/members");
  const db = await getDb();
  const [t, tr, format, members, invitations] = await Promise.all([
    getTranslations("members"),
    getTranslations("roles"),
    getFormatter(),
    listMembers(db, actor, organization.id),
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
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="border-b border-border text-muted">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">{t("name")}</th>
              <th scope="col" className="px-4 py-3 font-medium">{t("email")}</th>
              <th scope="col" className="px-4 py-3 font-medium">{t("role")}</th>
              <th scope="col" className="px-4 py-3 font-medium">{t("joined")}</th>
              <th scope="col" className="px-4 py-3 font-medium">{t("actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {members.map((member) => (
              <tr key={member.membershipId}>
                <td className="px-4 py-3">{member.name ?? t("noName")}</td>
                <td className="px-4 py-3">{member.email}</td>
                <td className="px-4 py-3">{tr(member.role)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(member.joinedAt, { dateStyle: "medium" })}</td>
                <td className="px-4 py-3">
                  <MemberRowActions orgId={organization.id} membershipId={member.membershipId} email={member.email ?? ""} role={member.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
