import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { PublicHeader } from "@/components/shell/public-header";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { findInvitation } from "@/lib/organizations/accept-invitation";
import { AcceptInvitationForm } from "./accept-form";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te, tr, user] = await Promise.all([getTranslations("invite"), getTranslations("errors"), getTranslations("roles"), getSessionUser()]);
  let invitation;
  try {
    invitation = await findInvitation(await getDb(), token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <>
        <PublicHeader />
        <main id="main" className="mx-auto max-w-md px-4 py-10">
          <Alert>{te(error.messageKey)}</Alert>
        </main>
      </>
    );
  }
  const isInvitee = user?.email?.toLowerCase() === invitation.email;
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <Card>
          <h1 className="text-2xl font-semibold">{t("title", { org: invitation.organizationName })}</h1>
          <p className="mt-2 text-muted">{t("body", { org: invitation.organizationName, role: tr(invitation.role) })}</p>
          {!user && (
            <>
              <p className="mt-4">{t("signInFirst", { email: invitation.email })}</p>
              <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="mt-4">
                {t("signInToAccept")}
              </ButtonLink>
            </>
          )}
          {user && isInvitee && <AcceptInvitationForm token={token} />}
          {user && !isInvitee && (
            <div className="mt-4 space-y-3">
              <Alert tone="warning">{t("otherAccount", { email: user.email })}</Alert>
              <SignOutButton />
            </div>
          )}
        </Card>
      </main>
    </>
  );
}
