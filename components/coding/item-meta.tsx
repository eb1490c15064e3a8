import { useFormatter, useLocale, useTranslations } from "next-intl";
import { segmentLabeler } from "@/components/kpis/format-kpi";
import type { MemberAttributes } from "@/db/schema";

/** Where an item comes from, when, and the speaker's segment (never who they are). */
export function ItemMeta({ source, programName, saidAt, attributes, language }: { source: string; programName: string | null; saidAt: Date; attributes: MemberAttributes; language: string | null }) {
  const t = useTranslations("coding");
  const format = useFormatter();
  const languageName = useLanguageName();
  const segments = segmentLabeler(useTranslations("kpis"), useTranslations("councils"));
  const segment = Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined && value !== "");
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
      <div className="flex gap-1"><dt className="sr-only">{t("sourceLabel")}</dt><dd>{t(`source.${source}`)}</dd></div>
      {programName && <div className="flex gap-1"><dt className="sr-only">{t("programLabel")}</dt><dd>{programName}</dd></div>}
      <div className="flex gap-1"><dt className="sr-only">{t("dateLabel")}</dt><dd>{format.dateTime(saidAt, { dateStyle: "medium" })}</dd></div>
      {segment.length > 0 && (
        <div className="flex gap-1"><dt>{t("segmentLabel")}:</dt><dd>{segment.map(([key, value]) => `${segments.attribute(key)}: ${segments.value(key, String(value))}`).join(", ")}</dd></div>
      )}
      {language && <div className="flex gap-1"><dt>{t("detectedLanguage")}:</dt><dd>{languageName(language)}</dd></div>}
    </dl>
  );
}

export function useLanguageName() {
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: "language" });
  return (code: string) => names.of(code) ?? code;
}
