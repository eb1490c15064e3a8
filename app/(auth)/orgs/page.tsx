import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { AccountHeader } from "@/components/shell/account-header";
import { getDb } from "@/db/client";
import { getSessionUser, requireActor } from "@/lib/auth/actor";
import { homePath } from "@/lib/authz/policy";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";
import { CreateOrganizationForm } from "./create-organization-form";

export default async function OrganizationsPage() {
  const actor = await requireActor("/orgs");
  const [user, t, tr, organizations] = await Promise.all([getSessionUser(), getTranslations("orgs"), getTranslations("roles"), listMyOrganizations(await getDb(), actor)]);
  return (
    <>
      <AccountHeader email={user!.email} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <PageHeader title={t("title")} description={t("description")} />
        {organizations.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {organizations.map((org) => (
              <li key={org.id}>
                <Link href={homePath(org.slug, org.role)} className="block rounded-lg border border-border bg-surface p-4 hover:border-primary">
                  <span className="block font-semibold">{org.name}</span>
                  <span className="text-sm text-muted">{t("yourRole", { role: tr(org.role) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Card className="mt-8">
          <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
          <CreateOrganizationForm />
        </Card>
      </main>
    </>
  );
}
