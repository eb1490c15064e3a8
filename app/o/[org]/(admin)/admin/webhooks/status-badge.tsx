import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

/** Enabled, or disabled with why (by an admin, or because deliveries kept failing). */
export async function EndpointStatus({ isEnabled, disabledReason }: { isEnabled: boolean; disabledReason: string | null }) {
  const t = await getTranslations("webhooks");
  if (isEnabled) return <Badge tone="success">{t("enabled")}</Badge>;
  const reason = disabledReason && t.has(`disabledReason.${disabledReason}`) ? t(`disabledReason.${disabledReason}`) : t("disabled");
  return <Badge tone="danger">{reason}</Badge>;
}
