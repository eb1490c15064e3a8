import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { MemberConsentSummary } from "@/components/consent/member-consent-summary";
import { getDb } from "@/db/client";
import { listMembersConsent } from "@/lib/consent/get-program-consent";
import { councilMembersQuerySchema, listCouncilMembers } from "@/lib/councils/council-members";
import { PROFILE_ATTRIBUTES } from "@/lib/councils/profile-choices";
import { loadCouncilPage } from "../load-council";

export default async function CouncilMembersPage({ params, searchParams }: { params: Promise<{ org: string; councilId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org, councilId }, query] = await Promise.all([params, searchParams.then((raw) => councilMembersQuerySchema.parse(raw))]);
  const { organization, actor, council } = await loadCouncilPage(org, councilId, "/members");
  const db = await getDb();
  const [t, tc, format, { members, nextCursor }] = await Promise.all([getTranslations("councils"), getTranslations("consent"), getFormatter(), listCouncilMembers(db, actor, organization.id, council.id, query)]);
  const consents = await listMembersConsent(db, actor, organization.id, "council", council.id, members.map((member) => member.userId));
  if (members.length === 0 && !query.after) {
    return (
      <EmptyState title={t("membersEmptyTitle")} action={<ButtonLink href={`/o/${organization.slug}/workspace/councils/${council.id}/invitations`}>{t("inviteCta")}</ButtonLink>}>
        {t("membersEmptyBody")}
      </EmptyState>
    );
  }
  return (
    <>
      <DataTable caption={t("tab.members")} columns={[{ label: t("memberName") }, { label: t("memberStatus") }, { label: t("memberProfile") }, { label: tc("membersConsentColumn") }, { label: t("memberJoined") }]}>
        {members.map((member) => (
          <tr key={member.id} data-testid="council-member">
            <td className="px-4 py-3">
              <span className="font-medium">{member.name ?? member.email}</span>
              <span className="block text-xs text-muted">{member.email}</span>
            </td>
            <td className="px-4 py-3 whitespace-nowrap">
              <Badge tone={member.status === "active" ? "success" : "neutral"}>{t(`memberStatusValue.${member.status}`)}</Badge>
            </td>
            <td className="px-4 py-3">
              <ul className="text-xs">
                {PROFILE_ATTRIBUTES.filter((attribute) => member.profile[attribute]).map((attribute) => (
                  <li key={attribute}>
                    <span className="text-muted">{t(`attribute.${attribute}`)}:</span> {t(`choice.${attribute}.${member.profile[attribute]}` as never)}
                  </li>
                ))}
                {member.profile.selfDescribed && <li className="mt-1 italic">“{member.profile.selfDescribed}”</li>}
              </ul>
            </td>
            <td className="px-4 py-3">
              <MemberConsentSummary states={consents.get(member.userId) ?? []} />
            </td>
            <td className="px-4 py-3 whitespace-nowrap">
              {format.dateTime(member.joinedAt, { dateStyle: "medium" })}
              {member.leftAt && <span className="block text-xs text-muted">{t("leftOn", { date: format.dateTime(member.leftAt, { dateStyle: "medium" }) })}</span>}
            </td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label={t("tab.members")} className="mt-4 flex justify-between gap-3">
        {query.after ? <ButtonLink variant="secondary" href="?">{t("firstPage")}</ButtonLink> : <span />}
        {nextCursor && <ButtonLink variant="secondary" href={`?after=${encodeURIComponent(nextCursor)}`}>{t("nextPage")}</ButtonLink>}
      </nav>
    </>
  );
}
