import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { AccountHeader } from "@/components/shell/account-header";
import { ThemeSwitcher } from "@/components/shell/theme-switcher";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { isLocale } from "@/lib/i18n/locales";
import { getProfile } from "@/lib/users/get-profile";
import { ProfileForm } from "./profile-form";

export default async function SettingsPage() {
  const actor = await requireActor("/settings");
  const [t, locale, profile] = await Promise.all([getTranslations("settings"), getLocale(), getProfile(await getDb(), actor)]);
  return (
    <>
      <AccountHeader email={profile?.email ?? ""} />
      <main id="main" className="mx-auto max-w-xl px-4 py-8">
        <PageHeader title={t("title")} />
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("profileTitle")}</h2>
          <ProfileForm name={profile?.name ?? ""} locale={isLocale(profile?.locale) ? profile.locale : isLocale(locale) ? locale : "en"} />
        </Card>
        <Card className="mt-6">
          <h2 className="mb-4 text-lg font-semibold">{t("themeTitle")}</h2>
          <ThemeSwitcher />
        </Card>
      </main>
    </>
  );
}
