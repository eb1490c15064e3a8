import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { PublicHeader } from "@/components/shell/public-header";
import { isUuid } from "@/lib/ids";

/** Where a person lands after erasing their data: public, since their account may be gone. */
export default async function ErasedPage({ searchParams }: { searchParams: Promise<{ receipt?: string }> }) {
  const { receipt } = await searchParams;
  const t = await getTranslations("privacy");
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto grid max-w-2xl gap-4 px-4 py-12">
        <h1 className="text-2xl font-bold tracking-tight">{t("erasedTitle")}</h1>
        <p>{t("erasedBody")}</p>
        {isUuid(receipt) && (
          <p>
            {t("receiptLabel")} <code className="rounded bg-accent px-1 py-0.5 break-all" data-testid="erasure-receipt">{receipt}</code>
          </p>
        )}
        <p className="text-sm text-muted">{t("erasedReceiptHint")}</p>
        <div>
          <ButtonLink href="/" variant="secondary">{t("erasedHome")}</ButtonLink>
        </div>
      </main>
    </>
  );
}
