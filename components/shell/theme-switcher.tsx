import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { setThemeAction } from "@/app/actions";
import { isTheme, THEME_COOKIE, THEMES } from "@/lib/preferences/theme";
import { PreferenceButtons } from "./preference-buttons";

export async function ThemeSwitcher() {
  const [cookieStore, t] = await Promise.all([cookies(), getTranslations("common")]);
  const stored = cookieStore.get(THEME_COOKIE)?.value;
  const labels = { system: t("themeSystem"), light: t("themeLight"), dark: t("themeDark") };
  return <PreferenceButtons name="theme" label={t("theme")} current={isTheme(stored) ? stored : "system"} options={THEMES.map((theme) => ({ value: theme, content: labels[theme] }))} action={setThemeAction} />;
}
