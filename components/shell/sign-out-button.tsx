import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(auth)/actions";

export async function SignOutButton() {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-9 rounded px-2 text-sm text-muted hover:bg-accent hover:text-fg">
        {t("signOut")}
      </button>
    </form>
  );
}
