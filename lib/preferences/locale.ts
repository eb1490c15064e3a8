import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { LOCALES } from "@/lib/i18n/locales";
import { updateProfile } from "@/lib/users/update-profile";

/** What a page's language buttons send. */
export const localeChoiceSchema = z.object({ locale: z.enum(LOCALES, { message: "localeInvalid" }) });
export type LocaleChoice = z.infer<typeof localeChoiceSchema>;

/**
 * A person picks a language: it becomes their profile's language when they are signed in. The
 * caller keeps it on the device too, in LOCALE_COOKIE with PREFERENCE_COOKIE_OPTIONS, because a
 * signed-out visitor has no profile.
 */
export async function chooseLocale(db: Db, actor: Actor | null, { locale }: LocaleChoice) {
  if (actor) await updateProfile(db, actor, { locale });
}
