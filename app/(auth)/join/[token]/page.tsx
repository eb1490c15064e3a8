import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { PublicHeader } from "@/components/shell/public-header";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { PromisesList } from "@/components/consent/promises-list";
import { OPTIONAL_PURPOSES } from "@/lib/consent/consent-state";
import { knownPromises } from "@/lib/consent/data-use-promises";
import { currentConsentTexts } from "@/lib/consent/read-consent";
import { findProgramInvitation, listJoinAttributes } from "@/lib/programs/join-program";
import { isAppError } from "@/lib/errors";
import { JoinProgramForm } from "./join-form";

export const dynamic = "force-dynamic";

export default async function JoinProgramPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tp, te, tc, user] = await Promise.all([getTranslations("councils"), getTranslations("panels"), getTranslations("errors"), getTranslations("consent"), getSessionUser()]);
  const db = await getDb();
  let invitation;
  try {
    invitation = await findProgramInvitation(db, token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <>
        <PublicHeader />
        <main id="main" className="mx-auto max-w-xl px-4 py-10">
          <Alert>{te(error.messageKey)}</Alert>
        </main>
      </>
    );
  }
  const isInvitee = user?.email?.toLowerCase() === invitation.email;
  const [customAttributes, texts] = await Promise.all([invitation.programKind === "panel" && isInvitee ? listJoinAttributes(db, invitation.organizationId) : [], currentConsentTexts(db, invitation.programId)]);
  // A purpose without a text is not asked; the others are answered yes or no, each on its own.
  const purposes = OPTIONAL_PURPOSES.flatMap((purpose) => {
    const text = texts.get(purpose);
    return text ? [{ purpose, label: tc(`purpose.${purpose}`), hint: tc(`purposeHint.${purpose}`), text: text.body }] : [];
  });
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-6 sm:py-10">
        <Card className="space-y-5">
          <header>
            <p className="text-sm text-muted">{invitation.organizationName}</p>
            <h1 className="text-2xl font-semibold">{invitation.programKind === "panel" ? tp("joinTitle", { panel: invitation.programName }) : t("joinTitle", { council: invitation.programName })}</h1>
          </header>
          <section aria-labelledby="join-purpose">
            <h2 id="join-purpose" className="font-semibold">{invitation.programKind === "panel" ? tp("purposeHeading") : t("purposeHeading")}</h2>
            <p className="mt-1 whitespace-pre-line">{invitation.purpose}</p>
          </section>
          <section aria-labelledby="join-consent-text">
            <h2 id="join-consent-text" className="font-semibold">{t("consentHeading")}</h2>
            <div className="mt-1 max-h-80 overflow-y-auto rounded-md border border-border bg-bg p-3 text-sm whitespace-pre-line" tabIndex={0} data-testid="consent-text">
              {invitation.consentText}
            </div>
          </section>
          <PromisesList title={invitation.programKind === "panel" ? tc("promisesMemberTitlePanel") : tc("promisesMemberTitleCouncil")} promises={knownPromises(invitation.dataUsePromises)} />
          {!user && (
            <div className="space-y-3">
              <p>{t("joinSignInFirst", { email: invitation.email })}</p>
              <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/join/${token}`)}`} className="w-full sm:w-auto">
                {t("joinSignIn")}
              </ButtonLink>
            </div>
          )}
          {user && isInvitee && <JoinProgramForm token={token} kind={invitation.programKind} customAttributes={customAttributes} purposes={purposes} />}
          {user && !isInvitee && (
            <div className="space-y-3">
              <Alert tone="warning">{t("joinOtherAccount", { email: user.email ?? "" })}</Alert>
              <SignOutButton />
            </div>
          )}
        </Card>
      </main>
    </>
  );
}
