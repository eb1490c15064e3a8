import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { codingAgreement, MIN_AGREEMENT_ITEMS } from "@/lib/coding/agreement";
import { agreementQuerySchema } from "@/lib/coding/schemas";
import { CodingTabs } from "../coding-tabs";

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ org }, rawQuery] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "insights.code", "/workspace/coding/agreement");
  const query = agreementQuerySchema.parse(rawQuery);
  const [t, format, result] = await Promise.all([getTranslations("coding"), getFormatter(), codingAgreement(await getDb(), actor, { id: organization.id }, query)]);
  const coders = result.coders.map((coder) => ({ value: coder.userId, label: coder.name }));
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <>
      <PageHeader title={t("agreementTitle")} description={t("agreementDescription")} />
      <CodingTabs slug={organization.slug} current="agreement" />
      {coders.length < 2 ? (
        <EmptyState title={t("agreementNeedsTwoTitle")}>{t("agreementNeedsTwoBody")}</EmptyState>
      ) : (
        <div className="space-y-4">
          <Card>
            <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("agreementFormLabel")}>
              <SelectField id="coder-a" name="a" label={t("coderA")} defaultValue={result.a ?? coders[0].value} options={coders} />
              <SelectField id="coder-b" name="b" label={t("coderB")} defaultValue={result.b ?? coders[1].value} options={coders} />
              <Button type="submit">{t("compare")}</Button>
            </form>
          </Card>
          {result.a && result.b && result.a !== result.b && (
            <Card className="space-y-3" aria-live="polite">
              <p>{t("sharedItems", { count: result.sharedItems })}</p>
              {result.sharedItems < MIN_AGREEMENT_ITEMS && <p className="text-sm text-warning">{t("tooFewItems", { min: MIN_AGREEMENT_ITEMS })}</p>}
              {result.tags.length === 0 ? (
                <p className="text-sm text-muted">{t("codebookEmptyTitle")}</p>
              ) : (
                <DataTable caption={t("agreementTableCaption")} columns={[{ label: t("tagLabel") }, { label: t("nItems"), className: "text-right" }, { label: t("observedAgreement"), className: "text-right" }, { label: t("kappa"), className: "text-right" }, { label: t("interpretation") }]}>
                  {result.tags.map((tag) => (
                    <tr key={tag.tagId} data-testid="agreement-row">
                      <th scope="row" className="px-3 py-2 text-left font-medium">{tag.name}</th>
                      <td className="px-3 py-2 text-right">{tag.n}</td>
                      <td className="px-3 py-2 text-right">{percent(tag.observed)}</td>
                      <td className="px-3 py-2 text-right">{tag.kappa === null ? "—" : format.number(tag.kappa, { maximumFractionDigits: 2, minimumFractionDigits: 2 })}</td>
                      <td className="px-3 py-2">{tag.isTooFew ? t("tooFew") : tag.band ? t(`band.${tag.band}`) : t("kappaUndefined")}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
              <p className="text-sm text-muted">{t("agreementMethod")}</p>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
