import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getMyCouncil } from "@/lib/councils/my-councils";
import { isAppError } from "@/lib/errors";
import { LeaveProgramForm } from "@/components/programs/leave-program-form";
import { leaveCouncilAction, renewConsentAction } from "./actions";
import { RenewConsentForm } from "@/components/programs/renew-consent-form";
import { MyConsents } from "@/components/consent/my-consents";
import { PromisesList } from "@/components/consent/promises-list";
import { getMyConsent } from "@/lib/consent/get-my-consent";
import { isOptionalPurpose } from "@/lib/consent/consent-state";
import { recordConsentAction } from "../../consent/actions";

export default async function MyCouncilPage({ params }: { params: Promise<{ org: string; councilId: string }> }) {
  const { org, councilId } = await params;
  const { organization, actor } = await loadOrgPage(org, "org.view", `/portal/councils/${councilId}`);
  const [t, tc, format] = await Promise.all([getTranslations("councils"), getTranslations("consent"), getFormatter()]);
  const db = await getDb();
  let council, consent;
  try {
    [council, consent] = await Promise.all([getMyCouncil(db, actor, organization.id, councilId), getMyConsent(db, actor, organization.id, "council", councilId)]);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const base = `/o/${organization.slug}`;
  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href={`${base}/portal`} className="text-primary underline-offset-2 hover:underline">{t("backToPortal")}</Link>
      </p>
      <header>
        <h1 className="text-2xl font-semibold">{council.name}</h1>
        <p className="mt-1 text-sm text-muted">{t("memberSince", { date: format.dateTime(council.joinedAt, { dateStyle: "long" }) })}</p>
      </header>
      {(council.memberStatus === "pending_consent" || consent.changed.length > 0) && (
        <section aria-labelledby="consent-changed" className="rounded-lg border border-warning bg-warning-bg p-4" data-testid="consent-changed">
          <h2 id="consent-changed" className="font-semibold text-warning">{council.memberStatus === "pending_consent" ? t("consentChangedTitle") : tc("changedTitle")}</h2>
          <p className="mt-1 text-sm font-medium">{tc("changedPurposes", { purposes: consent.changed.map((purpose) => tc(`purpose.${purpose}`)).join(", ") })}</p>
          {council.memberStatus === "pending_consent" ? (
            <>
              <p className="mt-1 text-sm">{t("consentChangedBody")}</p>
              <div className="mt-3 max-h-80 overflow-y-auto rounded-md border border-border bg-surface p-3 text-sm whitespace-pre-line" tabIndex={0} data-testid="changed-consent-text">
                {council.consentText}
              </div>
              <RenewConsentForm
                action={renewConsentAction}
                hidden={{ orgId: organization.id, councilId: council.id }}
                purposes={consent.purposes.filter((state) => isOptionalPurpose(state.purpose) && state.status === "needs_answer" && state.text).map((state) => ({ purpose: state.purpose, label: tc(`purpose.${state.purpose}`), text: state.text! }))}
              />
            </>
          ) : (
            <p className="mt-1 text-sm">{tc("changedOptionalBody")}</p>
          )}
        </section>
      )}
      <Card>
        <h2 className="font-semibold">{t("purposeHeading")}</h2>
        <p className="mt-1 whitespace-pre-line">{council.purpose}</p>
      </Card>
      <section aria-labelledby="open-sessions" className="space-y-3">
        <h2 id="open-sessions" className="text-lg font-semibold">{t("openSessionsTitle")}</h2>
        {council.openSessions.length === 0 ? (
          <p className="text-sm text-muted">{t("openSessionsEmpty")}</p>
        ) : (
          <ul className="space-y-2">
            {council.openSessions.map((session) => (
              <li key={session.id}>
                <Card className="flex flex-wrap items-center justify-between gap-3">
                  <span>{t("sessionUntil", { number: session.sequence + 1, date: format.dateTime(session.closesAt, { dateStyle: "medium" }) })}</span>
                  {/* A whole page load, not the Next router: the form page is served light (server/lean-pages.tsx). */}
                  <a href={`${base}/respond/${session.instrumentId}`} className="inline-flex min-h-11 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-fg">
                    {t("answerSession")}
                  </a>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-sessions" className="space-y-3">
        <h2 id="past-sessions" className="text-lg font-semibold">{t("pastSessionsTitle")}</h2>
        {council.pastSessions.length === 0 ? (
          <EmptyState title={t("pastSessionsEmptyTitle")}>{t("pastSessionsEmptyBody")}</EmptyState>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
            {council.pastSessions.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3" data-testid="past-session">
                <span>{t("sessionClosed", { number: session.sequence + 1, date: format.dateTime(session.closesAt, { dateStyle: "medium" }) })}</span>
                {session.memoTitle ? (
                  // The link is mostly the memo's title: the researcher's words, in whatever language they wrote it.
                  <Link data-user-content href={`${base}/portal/councils/${council.id}/sessions/${session.id}`} className="inline-flex min-h-11 items-center font-medium text-primary underline-offset-2 hover:underline">
                    {t("readMemo", { title: session.memoTitle })}
                  </Link>
                ) : (
                  <span className="text-sm text-muted">{t("memoPending")}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {council.memberStatus === "active" && (
        <Card>
          <details>
            <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("consentReread")}</summary>
            <div className="mt-2 text-sm whitespace-pre-line" data-testid="consent-text">{council.consentText}</div>
            {council.consentedAt && <p className="mt-2 text-xs text-muted">{t("consentedOn", { date: format.dateTime(council.consentedAt, { dateStyle: "long" }) })}</p>}
          </details>
        </Card>
      )}
      <MyConsents orgId={organization.id} kind="council" programId={council.id} consent={consent} action={recordConsentAction} />
      <Card>
        <PromisesList title={tc("promisesMemberTitleCouncil")} promises={consent.promises} />
      </Card>
      <Card>
        <h2 className="font-semibold">{t("leaveTitle")}</h2>
        <p className="mt-1 mb-3 text-sm text-muted">{t("leaveBody")}</p>
        <LeaveProgramForm
          action={leaveCouncilAction}
          hidden={{ orgId: organization.id, orgSlug: organization.slug, councilId: council.id }}
          texts={{ leave: t("leave"), confirm: t("leaveConfirm", { council: council.name }), confirmButton: t("leaveConfirmButton") }}
        />
      </Card>
    </div>
  );
}
