"use server";
// Preferences every page offers: language and theme.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { PREFERENCE_COOKIE_OPTIONS } from "@/lib/preferences/cookie-options";
import { chooseLocale, localeChoiceSchema } from "@/lib/preferences/locale";
import { THEME_COOKIE, THEMES } from "@/lib/preferences/theme";

export async function setLocaleAction(formData: FormData) {
  // Only a tampered form sends an unknown language: it changes nothing.
  const choice = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  if (!choice.success) return;
  (await cookies()).set(LOCALE_COOKIE, choice.data.locale, PREFERENCE_COOKIE_OPTIONS);
  await chooseLocale(await getDb(), await getActor(), choice.data);
  revalidatePath("/", "layout");
}

export async function setThemeAction(formData: FormData) {
  const parsed = z.enum(THEMES).safeParse(formData.get("theme"));
  if (!parsed.success) return;
  (await cookies()).set(THEME_COOKIE, parsed.data, PREFERENCE_COOKIE_OPTIONS);
  revalidatePath("/", "layout");
}
