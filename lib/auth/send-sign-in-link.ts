import "server-only";
import type { Db } from "@/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { localeFromRequestHeaders } from "@/lib/i18n/resolve-locale";
import { sendMail } from "@/lib/mail/send-mail";

/**
 * Auth.js puts the address in the link (`email=`); a URL ends up in browser history, proxies' logs
 * and referrers, so the link carries the token alone and the token is looked up by itself.
 */
export function linkWithoutEmail(url: string): string {
  const link = new URL(url);
  link.searchParams.delete("email");
  return link.toString();
}

/** The magic-link email, in the language the person was reading when they asked for it. */
export async function sendSignInLink(db: Db, params: { identifier: string; url: string; request: Request }) {
  const locale = localeFromRequestHeaders(params.request.headers.get("cookie"), params.request.headers.get("accept-language"));
  const t = translatorFor(locale);
  await sendMail(db, {
    to: params.identifier,
    subject: t("mail.signIn.subject"),
    text: t("mail.signIn.text", { link: linkWithoutEmail(params.url) }),
  }, { printLocally: true });
}
