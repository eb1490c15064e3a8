import "server-only";
import type { Db } from "@/db/client";
import { env, isDevMailboxEnabled } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

/**
 * How many sign-in links an address gets per hour: the setting, else ten when mail really goes
 * out, and no limit for the dev mailbox, where links reach no one's inbox and a demo is signed in
 * to over and over.
 */
export function signInLinksPerHour(setting: number | undefined, sendsRealMail: boolean): number | null {
  return setting ?? (sendsRealMail ? 10 : null);
}

/**
 * Each address gets a few sign-in links an hour: enough for a person who lost a mail, too few to
 * flood someone's inbox from the sign-in form. The refusal names no account, so it tells an
 * attacker nothing about which addresses exist.
 */
export async function limitSignInLinks(db: Db, email: string, now = new Date()) {
  const limit = signInLinksPerHour(env.ATTUNE_SIGN_IN_LINKS_PER_HOUR, !isDevMailboxEnabled);
  if (limit === null) return;
  const { isAllowed } = await consumeRateLimit(db, { name: "sign-in-link", limit, windowSeconds: 3600 }, email, now);
  if (!isAllowed) throw new AppError("RATE_LIMITED", "signInRateLimited");
}
