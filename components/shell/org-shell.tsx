import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { navigationFor, type NavItem } from "@/lib/authz/navigation";
import { isPortalRole, type Role } from "@/lib/authz/roles";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLink } from "./nav-link";
import { OrgSwitcher } from "./org-switcher";
import { SignOutButton } from "./sign-out-button";

interface OrgShellProps {
  organization: { slug: string; name: string };
  organizations: Array<{ slug: string; name: string; role: Role }>;
  role: Role;
  email: string;
  /** Counts that need attention beside a section, e.g. urgent staff reports of the last week. */
  badges?: Partial<Record<NavItem["key"], number>>;
  children: React.ReactNode;
}

/**
 * Staff-facing shell (leaders' dashboard, researchers' workspace, admins): a sidebar on wide
 * screens, a scrolling tab bar on phones. Participants and frontline staff get the light portal shell.
 */
export async function OrgShell({ organization, organizations, role, email, badges = {}, children }: OrgShellProps) {
  const [t, tn, tr] = await Promise.all([getTranslations("common"), getTranslations("nav"), getTranslations("roles")]);
  const items = navigationFor(organization.slug, role);
  const isPortal = isPortalRole(role);
  return (
    <div className="min-h-dvh">
      <header className="border-b border-border bg-surface print:hidden">
        <div className={`mx-auto flex flex-wrap items-center justify-between gap-3 px-4 py-3 ${isPortal ? "max-w-3xl" : "max-w-7xl"}`}>
          <div className="flex items-center gap-3">
            <Link href="/home" className="text-lg font-bold tracking-tight text-primary">
              {t("appName")}
            </Link>
            {organizations.length > 1 ? <OrgSwitcher current={organization} organizations={organizations} /> : <span className="text-sm font-medium">{organization.name}</span>}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <span className="rounded-full bg-accent px-2.5 py-0.5 text-xs font-medium" data-testid="current-role">
              {tr(role)}
            </span>
            <LocaleSwitcher />
            <Link href="/settings" className="min-h-9 rounded px-2 py-2 text-sm text-muted hover:bg-accent hover:text-fg" title={t("signedInAs", { email })}>
              {t("settings")}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className={`mx-auto px-4 ${isPortal ? "max-w-3xl" : "max-w-7xl md:flex md:gap-8"}`}>
        {items.length > 1 && (
          <nav aria-label={t("mainNavigation")} className={isPortal ? "py-3 print:hidden" : "py-3 md:w-52 md:shrink-0 md:py-8 print:hidden"}>
            <ul className={`flex gap-1 overflow-x-auto ${isPortal ? "" : "md:flex-col"}`}>
              {items.map((item) => (
                <li key={item.key}>
                  <NavLink href={item.href} isExact={items.some((other) => other.href.startsWith(`${item.href}/`))}>
                    {tn(item.key)}
                    {Boolean(badges[item.key]) && (
                      <span className="ml-2 rounded-full bg-danger px-1.5 py-0.5 text-xs font-semibold text-white" data-testid={`nav-badge-${item.key}`}>
                        {badges[item.key]}
                      </span>
                    )}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className="min-w-0 flex-1 py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
