import { getFormatter, getTranslations } from "next-intl/server";
import { labelAttributes } from "@/components/panels/attribute-labels";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { MemberConsentSummary } from "@/components/consent/member-consent-summary";
import { getDb } from "@/db/client";
import { listMembersConsent } from "@/lib/consent/get-program-consent";
import { attributeDefinitions, listPanelAttributes, profileAttributes } from "@/lib/panels/panel-attributes";
import { listPanelMembers } from "@/lib/panels/panel-members";
import { loadPanelPage } from "../../load-panel";

export default async function PanelMembersPage({ params, searchParams }: { params: Promise<{ org: string; panelId: string }>; searchParams: Promise<{ after?: string }> }) {
  const [{ org, panelId }, query] = await Promise.all([params, searchParams]);
  const { organization, actor, panel } = await loadPanelPage(org, panelId, "/members");
  const db = await getDb();
  const [t, tc, format, { members, nextCursor }, custom] = await Promise.all([getTranslations("panels"), getTranslations("councils"), getFormatter(), listPanelMembers(db, actor, organization.id, panel.id, query), listPanelAttributes(db, actor, organization.id)]);
  if (members.length === 0 && !query.after) {
    return (
      <EmptyState title={t("membersEmptyTitle")} action={<ButtonLink href={`/o/${organization.slug}/workspace/panels/${panel.id}/invitations`}>{t("inviteCta")}</ButtonLink>}>
        {t("membersEmptyBody")}
      </EmptyState>
    );
  }
  const [attributes, consents, tcon] = await Promise.all([labelAttributes(attributeDefinitions(custom)), listMembersConsent(db, actor, organization.id, "panel", panel.id, members.map((member) => member.userId)), getTranslations("consent")]);
  return (
    <>
      <DataTable caption={t("section.members")} columns={[{ label: tc("memberName") }, { label: tc("memberStatus") }, { label: tc("memberProfile") }, { label: tcon("membersConsentColumn") }, { label: tc("memberJoined") }]}>
        {members.map((member) => {
          const given = profileAttributes(member.profile);
          return (
            <tr key={member.id} data-testid="panel-member">
              <td className="px-4 py-3">
                <span className="font-medium">{member.name ?? member.email}</span>
                <span className="block text-xs text-muted">{member.email}</span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <Badge tone={member.status === "active" ? "success" : "neutral"}>{tc(`memberStatusValue.${member.status}`)}</Badge>
              </td>
              <td className="px-4 py-3">
                <ul className="text-xs">
                  {attributes.filter((attribute) => given[attribute.key]).map((attribute) => (
                    <li key={attribute.key}>
                      <span className="text-muted">{attribute.label}:</span> {attribute.values.find((value) => value.value === given[attribute.key])?.label ?? given[attribute.key]}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-3">
                <MemberConsentSummary states={consents.get(member.userId) ?? []} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(member.joinedAt, { dateStyle: "medium" })}</td>
            </tr>
          );
        })}
      </DataTable>
      <nav aria-label={t("section.members")} className="mt-4 flex justify-between gap-3">
        {query.after ? <ButtonLink variant="secondary" href="?">{tc("firstPage")}</ButtonLink> : <span />}
        {nextCursor && <ButtonLink variant="secondary" href={`?after=${encodeURIComponent(nextCursor)}`}>{tc("nextPage")}</ButtonLink>}
      </nav>
    </>
  );
}
