import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Links between the inbox, the codebook and agreement. */
export async function CodingTabs({ slug, current }: { slug: string; current: "inbox" | "codebook" | "agreement" }) {
  const t = await getTranslations("coding");
  const tabs = [
    { key: "inbox", href: `/o/${slug}/workspace/coding` },
    { key: "codebook", href: `/o/${slug}/workspace/coding/codebook` },
    { key: "agreement", href: `/o/${slug}/workspace/coding/agreement` },
  ] as const;
  return (
    <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-2 text-sm">
      {tabs.map((tab) => (
        <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? "page" : undefined} className={tab.key === current ? "rounded-md bg-primary px-3 py-1.5 text-primary-fg" : "rounded-md border border-border px-3 py-1.5 text-primary hover:bg-accent"}>
          {t(`tabs.${tab.key}`)}
        </Link>
      ))}
    </nav>
  );
}
