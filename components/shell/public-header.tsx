import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./locale-switcher";

export async function PublicHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-primary">
          {t("appName")}
        </Link>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
