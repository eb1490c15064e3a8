import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { setThemeAction } from "@/app/actions";
import { isTheme, THEME_COOKIE, THEMES } from "@/lib/preferences/theme";
import { cn } from "@/components/ui/cn";

export async function ThemeSwitcher() {
  const [cookieStore, t] = await Promise.all([cookies(), getTranslations("common")]);
  const stored = cookieStore.get(THEME_COOKIE)?.value;
  const current = isTheme(stored) ? stored : "system";
  const labels = { system: t("themeSystem"), light: t("themeLight"), dark: t("themeDark") };
  return (
    <form action={setThemeAction} aria-label={t("theme")} className="flex items-center gap-1">
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="submit"
          name="theme"
          value={theme}
          aria-pressed={theme === current}
          className={cn("min-h-9 rounded px-2 text-xs", theme === current ? "bg-primary text-primary-fg" : "text-muted hover:bg-accent")}
        >
          {labels[theme]}
        </button>
      ))}
    </form>
  );
}
