import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { homePath } from "@/lib/authz/policy";
import type { Role } from "@/lib/authz/roles";

export async function OrgSwitcher({ current, organizations }: { current: { slug: string; name: string }; organizations: Array<{ slug: string; name: string; role: Role }> }) {
  const [t, tr] = await Promise.all([getTranslations("common"), getTranslations("roles")]);
  return (
    <details className="relative">
      <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md border border-border px-3 text-sm font-medium" aria-label={t("switchOrganization")}>
        <span className="max-w-48 truncate">{current.name}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-border bg-surface p-1 shadow-lg">
        <ul>
          {organizations.map((org) => (
            <li key={org.slug}>
              <Link href={homePath(org.slug, org.role)} aria-current={org.slug === current.slug ? "true" : undefined} className="block rounded px-3 py-2 text-sm hover:bg-accent aria-[current=true]:font-semibold">
                {org.name}
                <span className="block text-xs text-muted">{tr(org.role)}</span>
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/orgs" className="mt-1 block border-t border-border px-3 py-2 text-sm text-primary">
          {t("allOrganizations")}
        </Link>
      </div>
    </details>
  );
}
