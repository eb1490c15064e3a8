import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { PublicHeader } from "@/components/shell/public-header";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { findCouncilInvitation } from "@/lib/councils/join-council";
import { isAppError } from "@/lib/errors";
import { JoinCouncilForm } from "./join-form";

export const dynamic = "force-dynamic";

export default async function JoinCouncilPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te, user] = await Promise.all([getTranslations("councils"), getTranslations("errors"), getSessionUser()]);
  let invitation;
  try {
    invitation = await findCouncilInvitation(await getDb(), token);
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
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-6 sm:py-10">
        <Card className="space-y-5">
          <header>
            <p className="text-sm text-muted">{invitation.organizationName}</p>
            <h1 className="text-2xl font-semibold">{t("joinTitle", { council: invitation.councilName })}</h1>
          </header>
          <section aria-labelledby="join-purpose">
            <h2 id="join-purpose" className="font-semibold">{t("purposeHeading")}</h2>
            <p className="mt-1 whitespace-pre-line">{invitation.purpose}</p>
          </section>
          <section aria-labelledby="join-consent-text">
            <h2 id="join-consent-text" className="font-semibold">{t("consentHeading")}</h2>
            <div className="mt-1 max-h-80 overflow-y-auto rounded-md border border-border bg-bg p-3 text-sm whitespace-pre-line" tabIndex={0} data-testid="consent-text">
              {invitation.consentText}
            </div>
          </section>
          {!user && (
            <div className="space-y-3">
              <p>{t("joinSignInFirst", { email: invitation.email })}</p>
              <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/join/${token}`)}`} className="w-full sm:w-auto">
                {t("joinSignIn")}
              </ButtonLink>
            </div>
          )}
          {user && isInvitee && <JoinCouncilForm token={token} />}
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
