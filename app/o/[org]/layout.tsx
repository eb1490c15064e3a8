import { OrgShell } from "@/components/shell/org-shell";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const context = await loadOrgPage(org, "org.view");
  const [user, organizations] = await Promise.all([getSessionUser(), listMyOrganizations(await getDb(), context.actor)]);
  return (
    <OrgShell organization={context.organization} organizations={organizations} role={context.role} email={user?.email ?? ""}>
      {children}
    </OrgShell>
  );
}
