import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

const TONES = { scheduled: "neutral", open: "success", closed: "warning" } as const;

export async function CycleStatusBadge({ status }: { status: keyof typeof TONES }) {
  const t = await getTranslations("cycles");
  return <Badge tone={TONES[status]}>{t(`status_${status}`)}</Badge>;
}
