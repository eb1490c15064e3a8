import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

/** Header for signed-in pages outside an organization (choosing one, settings, invitations). */
export async function AccountHeader({ email }: { email: string }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/orgs" className="text-lg font-bold tracking-tight text-primary">
          {t("appName")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <LocaleSwitcher />
          <Link href="/settings" className="text-sm text-muted hover:text-fg" title={t("signedInAs", { email })}>
            {t("settings")}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
