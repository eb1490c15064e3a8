import { ClientMessages } from "@/components/i18n/client-messages";
import { OrgShell } from "@/components/shell/org-shell";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { isPortalRole } from "@/lib/authz/roles";
import { countRecentUrgentFieldReports } from "@/lib/field-reports/list-field-reports";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";
import { PARTICIPANT_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const context = await loadOrgPage(org, "org.view");
  const db = await getDb();
  const [user, organizations, urgentReports] = await Promise.all([
    getSessionUser(),
    listMyOrganizations(db, context.actor),
    can(context.role, "frontline.manage") ? countRecentUrgentFieldReports(db, context.actor, context.organization.id) : 0,
  ]);
  return (
    <OrgShell organization={context.organization} organizations={organizations} role={context.role} email={user?.email ?? ""} badges={{ reports: urgentReports }}>
      <ClientMessages namespaces={isPortalRole(context.role) ? PARTICIPANT_CLIENT_NAMESPACES : undefined}>{children}</ClientMessages>
    </OrgShell>
  );
}
