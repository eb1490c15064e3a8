import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PublicHeader } from "@/components/shell/public-header";

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations("signin");
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <Card>
          <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
          <p className="mt-2 text-muted" role="alert">
            {error === "Verification" ? t("errorVerification") : t("errorDefault")}
          </p>
          <ButtonLink href="/signin" className="mt-6">
            {t("tryAgain")}
          </ButtonLink>
        </Card>
      </main>
    </>
  );
}
