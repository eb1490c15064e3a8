import { getFormatter, getTranslations } from "next-intl/server";
import { ProgramImportForm } from "@/components/programs/program-import-form";
import { ProgramInviteForm } from "@/components/programs/program-invite-form";
import { RevokeInvitationButton } from "@/components/programs/revoke-invitation-button";
import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { listCouncilOptIns } from "@/lib/panels/invite-to-panel";
import { listProgramInvitations } from "@/lib/programs/program-invitations";
import { importPanelInvitationsAction, inviteToPanelAction, previewPanelImportAction, revokePanelInvitationAction } from "../../../actions";
import { loadPanelPage } from "../../load-panel";
import { CouncilOptInsForm } from "./council-opt-ins-form";

const TONE = { pending: "neutral", expired: "warning", accepted: "success", revoked: "danger" } as const;

export default async function PanelInvitationsPage({ params }: { params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, actor, panel } = await loadPanelPage(org, panelId, "/invitations");
  const db = await getDb();
  const [t, tc, format, invitations, optIns] = await Promise.all([
    getTranslations("panels"),
    getTranslations("councils"),
    getFormatter(),
    listProgramInvitations(db, actor, organization.id, "panel", panel.id),
    listCouncilOptIns(db, actor, organization.id, panel.id),
  ]);
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{tc("inviteTitle")}</h2>
        <ProgramInviteForm action={inviteToPanelAction} hidden={{ orgId: organization.id, panelId: panel.id }} idPrefix="panel" defaultLocale={panel.defaultLocale} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{tc("importTitle")}</h2>
        <p className="mb-4 text-sm text-muted">{tc("importDescription")}</p>
        <ProgramImportForm previewAction={previewPanelImportAction.bind(null, organization.id)} importAction={importPanelInvitationsAction.bind(null, organization.id, panel.id)} idPrefix="panel" defaultLanguageLabel={t("panelLanguage")} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("optInsTitle")}</h2>
        <p className="mb-4 text-sm text-muted" data-testid="council-opt-ins">{optIns.length === 0 ? t("optInsNone") : t("optInsCount", { count: optIns.length })}</p>
        {optIns.length > 0 && <CouncilOptInsForm orgId={organization.id} panelId={panel.id} count={optIns.length} />}
      </Card>
      <h2 className="text-lg font-semibold">{tc("invitationsTitle")}</h2>
      <DataTable
        caption={tc("invitationsTitle")}
        columns={[{ label: tc("inviteEmailLabel") }, { label: tc("invitationState") }, { label: tc("invitationSent") }, { label: tc("actions") }]}
        footer={invitations.length === 0 && <p className="px-4 py-6 text-center text-sm text-muted">{tc("invitationsEmpty")}</p>}
      >
        {invitations.map((invitation) => (
          <tr key={invitation.id} data-testid="panel-invitation">
            <td className="px-4 py-3">
              <span className="font-medium">{invitation.email}</span>
              {invitation.name && <span className="block text-xs text-muted">{invitation.name}</span>}
            </td>
            <td className="px-4 py-3 whitespace-nowrap">
              <Badge tone={TONE[invitation.state]}>{tc(`invitationStateValue.${invitation.state}`)}</Badge>
              {invitation.state === "pending" && <span className="block text-xs text-muted">{tc("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium" }) })}</span>}
            </td>
            <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(invitation.createdAt, { dateStyle: "medium" })}</td>
            <td className="px-4 py-3">{invitation.state === "pending" && <RevokeInvitationButton action={revokePanelInvitationAction} hidden={{ orgId: organization.id, panelId: panel.id, invitationId: invitation.id }} email={invitation.email} />}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
