import { getTranslations } from "next-intl/server";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ErasureSummary } from "@/components/privacy/erasure-summary";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { loadOrgPage } from "@/lib/auth/org-page";
import { previewMyErasure } from "@/lib/privacy/preview-erasure";
import { EraseMyDataForm } from "./erase-my-data-form";

export default async function EraseMyDataPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "mydata.view", "/my-data/erase");
  const [preview, user, t] = await Promise.all([previewMyErasure(await getDb(), actor, { id: organization.id }), getSessionUser(), getTranslations("privacy")]);
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader title={t("selfTitle")} description={t("selfDescription", { org: organization.name })} />
      <Card aria-labelledby="erase-what-heading">
        <h2 id="erase-what-heading" className="mb-3 text-lg font-semibold">{t("selfWhatHeading")}</h2>
        <ErasureSummary preview={preview} audience="self" />
      </Card>
      <Card aria-labelledby="erase-confirm-heading">
        <h2 id="erase-confirm-heading" className="mb-3 text-lg font-semibold">{t("selfConfirmHeading")}</h2>
        {preview.isErasable ? <EraseMyDataForm orgId={organization.id} email={user?.email ?? ""} /> : <Alert tone="warning">{t("selfStaffFirst")}</Alert>}
      </Card>
    </div>
  );
}
