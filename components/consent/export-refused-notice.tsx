import { getTranslations } from "next-intl/server";
import { EXPORT_REFUSED_AGGREGATE_ONLY } from "@/lib/consent/require-individual-export";

/** Shown in place of export buttons when the program promised that only aggregated results leave the research team. */
export async function ExportRefusedNotice() {
  const [t, te] = await Promise.all([getTranslations("consent"), getTranslations("errors")]);
  return (
    <div role="note" className="w-full rounded-md border border-warning bg-warning-bg p-3 text-sm" data-testid="export-refused">
      <p className="font-semibold">{t("exportRefusedTitle")}</p>
      <p className="mt-1">{te(EXPORT_REFUSED_AGGREGATE_ONLY)}</p>
    </div>
  );
}
