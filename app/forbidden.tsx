import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";

export default async function Forbidden() {
  const t = await getTranslations("pages");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-muted">{t("forbiddenBody")}</p>
      <ButtonLink href="/home" className="mt-6">{t("goHome")}</ButtonLink>
    </main>
  );
}
