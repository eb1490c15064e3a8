import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { listKpiProgrammeChoices, listKpiSegmentChoices } from "@/lib/kpis/list-kpi-choices";
import { segmentLabeler } from "@/components/kpis/format-kpi";
import { NewKpiForm } from "./new-kpi-form";

export default async function NewKpiPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "kpis.manage", "/dashboard/kpis/new");
  const db = await getDb();
  const [t, tc, programmes, segments] = await Promise.all([getTranslations("kpis"), getTranslations("councils"), listKpiProgrammeChoices(db, actor, organization.id), listKpiSegmentChoices(db, actor, organization.id)]);
  const label = segmentLabeler(t, tc);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/dashboard`} className="text-primary underline">{t("back")}</Link></p>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card><NewKpiForm orgId={organization.id} orgSlug={organization.slug} programmes={programmes.map((programme) => ({ value: programme.id, label: programme.name }))} segments={segments.map((segment) => ({ value: `${segment.key}=${segment.value}`, label: `${label.attribute(segment.key)}: ${label.value(segment.key, segment.value)}` }))} /></Card>
        <Card aria-labelledby="bank-codes-title" className="space-y-2 text-sm">
          <h2 id="bank-codes-title" className="font-semibold">{t("bankCodesTitle")}</h2>
          <p className="text-muted">{t("bankCodesHelp")}</p>
          <ul className="space-y-1" data-testid="bank-codes">
            {ITEM_BANK.map((item) => <li key={item.code}><code className="font-mono">{item.code}</code></li>)}
          </ul>
        </Card>
      </div>
    </>
  );
}
