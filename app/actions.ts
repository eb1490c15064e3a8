"use server";
// Preferences every page offers: language and theme.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { THEME_COOKIE, THEMES } from "@/lib/preferences/theme";
import { updateProfile } from "@/lib/users/update-profile";

const YEAR = 365 * 86_400;

export async function setLocaleAction(formData: FormData) {
  const parsed = z.enum(LOCALES).safeParse(formData.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { maxAge: YEAR, sameSite: "lax", path: "/" });
  const actor = await getActor();
  if (actor) await updateProfile(await getDb(), actor, { locale: parsed.data });
  revalidatePath("/", "layout");
}

export async function setThemeAction(formData: FormData) {
  const parsed = z.enum(THEMES).safeParse(formData.get("theme"));
  if (!parsed.success) return;
  (await cookies()).set(THEME_COOKIE, parsed.data, { maxAge: YEAR, sameSite: "lax", path: "/" });
  revalidatePath("/", "layout");
}
