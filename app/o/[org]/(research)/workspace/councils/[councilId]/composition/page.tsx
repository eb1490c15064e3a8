import { getFormatter, getTranslations } from "next-intl/server";
import { ShareRow } from "@/components/programs/share-row";
import { Alert, Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getCouncilComposition } from "@/lib/councils/get-council-composition";
import { loadCouncilPage } from "../load-council";

export default async function CouncilCompositionPage({ params }: { params: Promise<{ org: string; councilId: string }> }) {
  const { org, councilId } = await params;
  const { organization, actor, council } = await loadCouncilPage(org, councilId, "/composition");
  const [t, format, composition] = await Promise.all([getTranslations("councils"), getFormatter(), getCouncilComposition(await getDb(), actor, organization.id, council.id)]);
  const percent = (share: number) => format.number(share / 100, { style: "percent", maximumFractionDigits: 0 });
  const gaps = composition.attributes.flatMap((attribute) => attribute.rows.filter((row) => row.isGap).map((row) => ({ attribute: attribute.attribute, ...row })));
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-lg font-semibold">{t("sizeTitle")}</h2>
        <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="council-size">
          {composition.targetSize ? t("membersOfTarget", { count: composition.activeMembers, target: composition.targetSize }) : t("activeMembers", { count: composition.activeMembers })}
        </p>
        {composition.sizeGap > 0 && <p className="mt-1 text-sm text-warning">{t("sizeGap", { count: composition.sizeGap })}</p>}
      </Card>
      {gaps.length > 0 ? (
        <Alert tone="warning">
          <p className="font-semibold">{t("gapsTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {gaps.map((gap) => (
              <li key={`${gap.attribute}.${gap.value}`}>
                {t("gapLine", {
                  attribute: t(`attribute.${gap.attribute}`),
                  value: t(`choice.${gap.attribute}.${gap.value}` as never),
                  actual: percent(gap.actualShare),
                  target: percent(gap.targetShare ?? 0),
                  count: gap.missingMembers,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success">{t("noGaps")}</Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {composition.attributes.map((attribute) => (
          <Card key={attribute.attribute}>
            <h3 className="font-semibold">{t(`attribute.${attribute.attribute}`)}</h3>
            <p className="text-xs text-muted">{t("answeredBy", { count: attribute.answered })}</p>
            <ul className="mt-3 space-y-3">
              {attribute.rows.map((row) => (
                <ShareRow
                  key={row.value}
                  testId={`composition-${attribute.attribute}-${row.value}`}
                  label={t(`choice.${attribute.attribute}.${row.value}` as never)}
                  detail={<>{t("shareLine", { count: row.count, actual: percent(row.actualShare) })}{row.targetShare !== null && <> · {t("targetLine", { target: percent(row.targetShare) })}</>}</>}
                  actualShare={row.actualShare}
                  targetShare={row.targetShare}
                  isGap={row.isGap}
                  gapLabel={t("gapBadge")}
                  targetTitle={row.targetShare === null ? undefined : percent(row.targetShare)}
                />
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </div>
  );
}
