import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TagChip } from "@/components/coding/tag-chip";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listThemes } from "@/lib/themes/list-themes";
import { CreateThemeForm } from "./theme-forms";

export default async function ThemesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "insights.code", "/workspace/coding/themes");
  const [t, { themes, ungroupedTags, tagCount }] = await Promise.all([getTranslations("themes"), listThemes(await getDb(), actor, organization.id)]);
  const base = `/o/${organization.slug}/workspace/coding`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-primary underline-offset-2 hover:underline">{t("backToCoding")}</Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {tagCount === 0 && (
          <EmptyState title={t("noTagsTitle")} action={<ButtonLink href={`${base}/codebook`}>{t("openCodebook")}</ButtonLink>}>
            {t("noTagsBody")}
          </EmptyState>
        )}
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("newTitle")}</h2>
          <CreateThemeForm orgId={organization.id} />
        </Card>
        <section aria-labelledby="themes-list-title">
          <h2 id="themes-list-title" className="mb-3 text-lg font-semibold">{t("listTitle", { count: themes.length })}</h2>
          {themes.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2">
              {themes.map((theme) => (
                <li key={theme.id}>
                  <Card data-testid="theme-card" className="h-full space-y-2">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h3 className="text-base font-semibold">
                        <Link href={`${base}/themes/${theme.id}`} className="text-primary underline-offset-2 hover:underline">{theme.name}</Link>
                      </h3>
                      <span className="text-sm text-muted tabular-nums">{t("size", { count: theme.items })}</span>
                    </div>
                    {theme.description && <p className="text-sm text-muted">{theme.description}</p>}
                    {theme.tags.length === 0 ? (
                      <p className="text-sm text-muted">{t("noTagsInTheme")}</p>
                    ) : (
                      <ul className="flex flex-wrap gap-2" aria-label={t("tagsOf", { name: theme.name })}>
                        {theme.tags.map((tag) => (
                          <li key={tag.id}><TagChip tag={tag} /></li>
                        ))}
                      </ul>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
        {ungroupedTags.length > 0 && (
          <section aria-labelledby="themes-ungrouped-title">
            <h2 id="themes-ungrouped-title" className="mb-2 text-lg font-semibold">{t("ungroupedTitle", { count: ungroupedTags.length })}</h2>
            <p className="mb-3 text-sm text-muted">{t("ungroupedBody")}</p>
            <ul className="flex flex-wrap gap-2">
              {ungroupedTags.map((tag) => (
                <li key={tag.id}><TagChip tag={tag} /></li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
