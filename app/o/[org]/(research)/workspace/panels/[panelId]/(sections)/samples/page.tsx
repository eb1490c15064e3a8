import { getFormatter, getTranslations } from "next-intl/server";
import { labelAttributes } from "@/components/panels/attribute-labels";
import { Card, EmptyState } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { attributeDefinitions, listPanelAttributes } from "@/lib/panels/panel-attributes";
import { listPanelSamples } from "@/lib/panels/panel-samples";
import { loadPanelPage } from "../../load-panel";
import { SamplePicker } from "./sample-picker";

export default async function PanelSamplesPage({ params }: { params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, actor, panel } = await loadPanelPage(org, panelId, "/samples");
  const db = await getDb();
  const [t, format, custom, samples] = await Promise.all([getTranslations("panels"), getFormatter(), listPanelAttributes(db, actor, organization.id), listPanelSamples(db, actor, organization.id, panel.id)]);
  const attributes = await labelAttributes(attributeDefinitions(custom));
  const labelOf = (attribute: string, value: string) => attributes.find((candidate) => candidate.key === attribute)?.values.find((candidate) => candidate.value === value)?.label ?? value;
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("pickerTitle")}</h2>
        <p className="mb-4 text-sm text-muted">{t("pickerHint", { count: panel.activeMembers })}</p>
        <SamplePicker orgId={organization.id} panelId={panel.id} attributes={attributes} />
      </Card>
      <section aria-labelledby="saved-samples" className="space-y-3">
        <h2 id="saved-samples" className="text-lg font-semibold">{t("samplesTitle")}</h2>
        {samples.length === 0 ? (
          <EmptyState title={t("samplesEmptyTitle")}>{t("samplesEmptyBody")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {samples.map((sample) => (
              <li key={sample.id}>
                <Card data-testid="panel-sample">
                  <h3 className="font-semibold">{sample.name}</h3>
                  <p className="text-sm text-muted">
                    {t("sampleSummary", { count: sample.members, date: format.dateTime(sample.createdAt, { dateStyle: "medium" }) })}
                  </p>
                  {sample.composition.length > 0 && (
                    <p className="mt-1 text-sm">{sample.composition.map((row) => `${labelOf(row.attribute, row.value)}: ${row.count}`).join(" · ")}</p>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
