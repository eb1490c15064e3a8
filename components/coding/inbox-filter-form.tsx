import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SENTIMENTS, CODING_SOURCES, type InboxFilters } from "@/lib/coding/schemas";
import { useLanguageName } from "./item-meta";

type Option = { value: string; label: string };

/** The inbox filters as a plain GET form: every filtered view has its own URL. */
export function InboxFilterForm({ values, programs, languages, segments, tags, clearHref }: { values: InboxFilters; programs: Option[]; languages: string[]; segments: string[]; tags: Option[]; clearHref: string }) {
  const t = useTranslations("coding");
  const languageName = useLanguageName();
  const any = { value: "", label: t("filterAny") };
  return (
    <form method="get" className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label={t("filtersLabel")}>
      <TextField id="filter-q" name="q" type="search" label={t("searchLabel")} defaultValue={values.q ?? ""} maxLength={200} className="col-span-2 lg:col-span-4" />
      <SelectField id="filter-program" name="program" label={t("programLabel")} defaultValue={values.program ?? ""} options={[any, ...programs]} />
      <SelectField id="filter-source" name="source" label={t("sourceLabel")} defaultValue={values.source ?? ""} options={[any, ...CODING_SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))]} />
      <TextField id="filter-from" name="from" type="month" label={t("fromLabel")} defaultValue={values.from ?? ""} />
      <TextField id="filter-to" name="to" type="month" label={t("toLabel")} defaultValue={values.to ?? ""} />
      <SelectField id="filter-segment" name="segment" label={t("segmentLabel")} defaultValue={values.segment ?? ""} options={[any, ...segments.map((segment) => ({ value: segment, label: segment.replace("=", ": ") }))]} />
      <SelectField id="filter-language" name="language" label={t("detectedLanguage")} defaultValue={values.language ?? ""} options={[any, ...languages.map((language) => ({ value: language, label: languageName(language) }))]} />
      <SelectField id="filter-tag" name="tag" label={t("tagLabel")} defaultValue={values.tag ?? ""} options={[any, ...tags]} />
      <SelectField id="filter-sentiment" name="sentiment" label={t("sentimentFilterLabel")} defaultValue={values.sentiment ?? ""} options={[any, ...SENTIMENTS.map((sentiment) => ({ value: sentiment, label: t(`sentiment.${sentiment}`) }))]} />
      <label className="col-span-2 flex items-center gap-2 text-sm">
        <input type="checkbox" name="uncoded" value="1" defaultChecked={values.uncoded === "1"} className="size-4" />
        {t("uncodedLabel")}
      </label>
      <div className="col-span-2 flex items-center gap-3 lg:justify-end">
        <Button type="submit">{t("applyFilters")}</Button>
        <Link href={clearHref} className="text-sm text-primary underline">{t("clearFilters")}</Link>
      </div>
    </form>
  );
}
