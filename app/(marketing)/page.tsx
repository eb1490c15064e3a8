import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button-link";
import { PublicHeader } from "@/components/shell/public-header";
import { getActor } from "@/lib/auth/actor";

export default async function LandingPage() {
  const actor = await getActor();
  if (actor) redirect("/home");
  const t = await getTranslations("landing");
  const features = ["councils", "frontline", "panels", "kpis"] as const;
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-12">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-muted">{t("lead")}</p>
        <div className="mt-8">
          <ButtonLink href="/signin">{t("cta")}</ButtonLink>
        </div>
        <ul className="mt-12 grid gap-4 sm:grid-cols-2">
          {features.map((feature) => (
            <li key={feature} className="rounded-lg border border-border bg-surface p-5">
              <h2 className="font-semibold">{t(`${feature}Title`)}</h2>
              <p className="mt-1 text-sm text-muted">{t(`${feature}Body`)}</p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
