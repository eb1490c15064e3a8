import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { listCouncilInvitations } from "@/lib/councils/council-invitations";
import { loadCouncilPage } from "../load-council";
import { ProgramImportForm } from "@/components/programs/program-import-form";
import { ProgramInviteForm } from "@/components/programs/program-invite-form";
import { importCouncilInvitationsAction, inviteToCouncilAction, previewCouncilImportAction, revokeCouncilInvitationAction } from "../../actions";
import { RevokeInvitationButton } from "@/components/programs/revoke-invitation-button";

const TONE = { pending: "neutral", expired: "warning", accepted: "success", revoked: "danger" } as const;

export default async function CouncilInvitationsPage({ params }: { params: Promise<{ org: string; councilId: string }> }) {
  const { org, councilId } = await params;
  const { organization, actor, council } = await loadCouncilPage(org, councilId, "/invitations");
  const [t, format, invitations] = await Promise.all([getTranslations("councils"), getFormatter(), listCouncilInvitations(await getDb(), actor, organization.id, council.id)]);
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("inviteTitle")}</h2>
        <ProgramInviteForm action={inviteToCouncilAction} hidden={{ orgId: organization.id, councilId: council.id }} idPrefix="council" defaultLocale={council.defaultLocale} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("importTitle")}</h2>
        <p className="mb-4 text-sm text-muted">{t("importDescription")}</p>
        <ProgramImportForm previewAction={previewCouncilImportAction.bind(null, organization.id)} importAction={importCouncilInvitationsAction.bind(null, organization.id, council.id)} idPrefix="council" defaultLanguageLabel={t("councilLanguage")} />
      </Card>
      <h2 className="text-lg font-semibold">{t("invitationsTitle")}</h2>
      <DataTable
        caption={t("invitationsTitle")}
        columns={[{ label: t("inviteEmailLabel") }, { label: t("invitationState") }, { label: t("invitationSent") }, { label: t("actions") }]}
        footer={invitations.length === 0 && <p className="px-4 py-6 text-center text-sm text-muted">{t("invitationsEmpty")}</p>}
      >
        {invitations.map((invitation) => (
          <tr key={invitation.id} data-testid="council-invitation">
            <td className="px-4 py-3">
              <span className="font-medium">{invitation.email}</span>
              {invitation.name && <span className="block text-xs text-muted">{invitation.name}</span>}
            </td>
            <td className="px-4 py-3 whitespace-nowrap">
              <Badge tone={TONE[invitation.state]}>{t(`invitationStateValue.${invitation.state}`)}</Badge>
              {invitation.state === "pending" && <span className="block text-xs text-muted">{t("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium" }) })}</span>}
            </td>
            <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(invitation.createdAt, { dateStyle: "medium" })}</td>
            <td className="px-4 py-3">{invitation.state === "pending" && <RevokeInvitationButton action={revokeCouncilInvitationAction} hidden={{ orgId: organization.id, councilId: council.id, invitationId: invitation.id }} email={invitation.email} />}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
