import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PublicHeader } from "@/components/shell/public-header";
import { getActor } from "@/lib/auth/actor";
import { env, isDevMailboxEnabled, isOidcConfigured } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInWithOidcAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl, "/home");
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations("signin");
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <Card>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 mb-6 text-muted">{t("description")}</p>
          <SignInForm callbackUrl={callbackUrl} />
          {isOidcConfigured && (
            <>
              <p className="my-4 text-center text-sm text-muted">{t("or")}</p>
              <form action={signInWithOidcAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <Button type="submit" variant="secondary" className="w-full">
                  {t("oidc", { name: env.OIDC_NAME })}
                </Button>
              </form>
            </>
          )}
        </Card>
        {isDevMailboxEnabled && (
          <p className="mt-6 text-sm text-muted">
            {t("devMailboxHint")}{" "}
            <Link href="/dev/mailbox" className="font-medium text-primary underline">
              {t("openMailbox")}
            </Link>
          </p>
        )}
      </main>
    </>
  );
}
