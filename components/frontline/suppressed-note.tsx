import { getTranslations } from "next-intl/server";
import type { SuppressionReason } from "@/lib/anonymity/suppression";
import type { AnonymityThresholds } from "@/lib/anonymity/thresholds";

/** Says why a value is not shown; the server sent no number for it. */
export async function SuppressedNote({ reason, thresholds }: { reason: SuppressionReason; thresholds: AnonymityThresholds }) {
  const t = await getTranslations("anonymity");
  const min = reason === "too_few_for_comments" ? thresholds.minCommentGroupSize : thresholds.minGroupSize;
  return (
    <span className="text-sm text-muted" data-suppressed={reason}>
      {t(`reason_${reason}`, { min })}
    </span>
  );
}
