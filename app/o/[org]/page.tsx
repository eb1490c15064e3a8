import { redirect } from "next/navigation";
import { loadOrgPage } from "@/lib/auth/org-page";
import { homePath } from "@/lib/authz/policy";

export default async function OrganizationIndex({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, role } = await loadOrgPage(org, "org.view");
  redirect(homePath(organization.slug, role));
}
