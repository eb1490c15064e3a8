import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { PageHeader } from "@/components/ui/card";
import { loadCouncilPage } from "./load-council";

const TABS = [
  { key: "overview", path: "" },
  { key: "members", path: "/members" },
  { key: "invitations", path: "/invitations" },
  { key: "composition", path: "/composition" },
] as const;

export default async function CouncilLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; councilId: string }> }) {
  const { org, councilId } = await params;
  const { organization, council } = await loadCouncilPage(org, councilId);
  const t = await getTranslations("councils");
  const base = `/o/${organization.slug}/workspace/councils/${council.id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${organization.slug}/workspace/councils`} className="text-primary underline-offset-2 hover:underline">
          {t("backToList")}
        </Link>
      </p>
      <PageHeader title={council.name} description={council.purpose} />
      <nav aria-label={t("sectionsLabel")} className="mb-6 border-b border-border pb-2">
        <ul className="flex gap-1 overflow-x-auto">
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink href={`${base}${tab.path}`} isExact={tab.path === ""}>
                {t(`tab.${tab.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
