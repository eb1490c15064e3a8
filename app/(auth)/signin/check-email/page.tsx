import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PublicHeader } from "@/components/shell/public-header";
import { isDevMailboxEnabled } from "@/lib/env";

export default async function CheckEmailPage() {
  const t = await getTranslations("signin");
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <Card>
          <h1 className="text-2xl font-semibold">{t("checkEmailTitle")}</h1>
          <p className="mt-2 text-muted">{t("checkEmailBody")}</p>
          {isDevMailboxEnabled && (
            <p className="mt-4 text-sm">
              <Link href="/dev/mailbox" className="font-medium text-primary underline">
                {t("openMailbox")}
              </Link>
            </p>
          )}
        </Card>
      </main>
    </>
  );
}
