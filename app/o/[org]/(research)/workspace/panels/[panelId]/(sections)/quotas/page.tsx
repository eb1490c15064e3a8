import { getFormatter, getTranslations } from "next-intl/server";
import { ShareRow } from "@/components/programs/share-row";
import { labelAttributes } from "@/components/panels/attribute-labels";
import { Alert, Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getPanelQuotas } from "@/lib/panels/get-panel-quotas";
import { loadPanelPage } from "../../load-panel";

export default async function PanelQuotasPage({ params }: { params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, actor, panel } = await loadPanelPage(org, panelId, "/quotas");
  const [t, format, quotas] = await Promise.all([getTranslations("panels"), getFormatter(), getPanelQuotas(await getDb(), actor, organization.id, panel.id)]);
  const labelled = await labelAttributes(quotas.attributes.map((attribute) => attribute.attribute));
  const labelOf = (attribute: string, value?: string) => {
    const found = labelled.find((candidate) => candidate.key === attribute);
    return value === undefined ? found?.label ?? attribute : found?.values.find((candidate) => candidate.value === value)?.label ?? value;
  };
  const percent = (share: number) => format.number(share / 100, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="space-y-6">
      {quotas.gaps.length > 0 ? (
        <Alert tone="warning">
          <p className="font-semibold">{t("gapsTitle")}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="quota-gaps">
            {quotas.gaps.map((gap) => (
              <li key={`${gap.attribute.key}.${gap.value}`}>{t("gapLine", { attribute: labelOf(gap.attribute.key), value: labelOf(gap.attribute.key, gap.value), actual: percent(gap.actualShare), target: percent(gap.minShare ?? 0) })}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success">{t("noGaps")}</Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {quotas.attributes.map(({ attribute, answered, rows }) => (
          <Card key={attribute.key}>
            <h3 className="font-semibold">{labelOf(attribute.key)}</h3>
            <p className="text-xs text-muted">{t("answeredBy", { count: answered })}</p>
            <ul className="mt-3 space-y-3">
              {rows.map((row) => (
                <ShareRow
                  key={row.value}
                  testId={`quota-${attribute.key}-${row.value}`}
                  label={labelOf(attribute.key, row.value)}
                  detail={<>{t("shareLine", { count: row.count, actual: percent(row.actualShare) })}{row.minShare !== null && <> · {t("quotaLine", { target: percent(row.minShare) })}</>}</>}
                  actualShare={row.actualShare}
                  targetShare={row.minShare}
                  isGap={row.isGap}
                  gapLabel={t("gapBadge")}
                />
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </div>
  );
}
