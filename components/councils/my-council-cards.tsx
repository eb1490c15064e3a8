import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";

/** The portal's "My councils": each council's purpose and a way into it. */
export async function MyCouncilCards({ orgSlug, councils }: { orgSlug: string; councils: Array<{ id: string; name: string; purpose: string; memberStatus: "pending_consent" | "active" | "left" }> }) {
  const t = await getTranslations("councils");
  return (
    <section aria-labelledby="my-councils" className="space-y-3">
      <h2 id="my-councils" className="text-lg font-semibold">{t("myCouncilsTitle")}</h2>
      <ul className="space-y-3">
        {councils.map((council) => (
          <li key={council.id}>
            <Card data-testid="my-council">
              <h3 className="font-semibold">{council.name}</h3>
              {council.memberStatus === "pending_consent" && (
                <p className="mt-1">
                  <Badge tone="warning">{t("consentChangedBadge")}</Badge>
                </p>
              )}
              <p className="mt-1 line-clamp-3 text-sm text-muted">{council.purpose}</p>
              <Link href={`/o/${orgSlug}/portal/councils/${council.id}`} className="mt-3 inline-flex min-h-11 items-center font-medium text-primary underline-offset-2 hover:underline">
                {t("openCouncil", { council: council.name })}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
