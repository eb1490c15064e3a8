"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { BuilderContext } from "@/components/builder/builder-context";
import { ImageUpload } from "@/components/builder/image-upload";
import { SelectField, TextField } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { QUICK_POLL_KINDS, type QuickPollKind } from "@/lib/polls/schemas";

const TEXTAREA = "block w-full rounded-md border border-border bg-surface px-3 py-2 text-base text-fg aria-[invalid=true]:border-danger";

/**
 * What a poll asks, as the fields of a quick-poll or live-poll form: kind, language, question,
 * concept, options or scale labels, then the same texts in the other languages. Field names are
 * those `pollContentFromForm` reads; `values` holds what to start from (a saved poll, or what was
 * sent back with errors). `leading` fields (e.g. the panel) share the first row.
 */
export function PollContentFields({ idPrefix, orgSlug, defaultLocale, values, error, leading }: {
  idPrefix: string;
  orgSlug: string;
  defaultLocale: Locale;
  values: Record<string, string>;
  error: (field: string) => string | undefined;
  leading?: ReactNode;
}) {
  const t = useTranslations("polls");
  const [kind, setKind] = useState<QuickPollKind>((values.kind as QuickPollKind) || "single");
  const [locale, setLocale] = useState<Locale>((values.defaultLocale as Locale) || defaultLocale);
  const [imageUrl, setImageUrl] = useState<string | undefined>(values.stimulusImageUrl || undefined);
  const hasChoices = kind === "single" || kind === "multiple" || kind === "stimulus";
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {leading}
        <SelectField id={id("kind")} name="kind" label={t("kindLabel")} value={kind} onChange={(event) => setKind(event.target.value as QuickPollKind)} options={QUICK_POLL_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} error={error("kind")} />
        <SelectField id={id("locale")} name="defaultLocale" label={t("language")} value={locale} onChange={(event) => setLocale(event.target.value as Locale)} options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))} error={error("defaultLocale")} />
      </div>
      <TextField id={id("prompt")} name="prompt" label={t("prompt")} defaultValue={values.prompt ?? ""} required maxLength={500} error={error("prompt")} />

      {kind === "stimulus" && (
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">{t("stimulusLegend")}</legend>
          <BuilderContext.Provider value={{ editLocales: [locale], defaultLocale: locale, requiredLocales: [locale], orgSlug }}>
            <ImageUpload id={id("stimulus-image")} imageUrl={imageUrl} onChange={setImageUrl} />
          </BuilderContext.Provider>
          <input type="hidden" name="stimulusImageUrl" value={imageUrl ?? ""} />
          <TextArea id={id("stimulus-copy")} name="stimulusCopy" label={t("stimulusCopy")} defaultValue={values.stimulusCopy} error={error("stimulusCopy")} />
        </fieldset>
      )}
      {hasChoices && <TextArea id={id("choices")} name="choices" label={t("choices")} hint={kind === "stimulus" ? t("choicesHint") : undefined} defaultValue={values.choices} error={error("choices")} rows={4} />}
      {kind === "scale" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={id("min-label")} name="minLabel" label={t("minLabel")} defaultValue={values.minLabel ?? ""} />
          <TextField id={id("max-label")} name="maxLabel" label={t("maxLabel")} defaultValue={values.maxLabel ?? ""} />
        </div>
      )}

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">{t("translationsLegend")}</legend>
        <p className="text-sm text-muted">{t("translationsHint")}</p>
        {LOCALES.filter((other) => other !== locale).map((other) => {
          const language = LOCALE_NAMES[other];
          const field = (name: string) => `translation.${other}.${name}`;
          return (
            <div key={other} className="space-y-3 rounded-md border border-border p-3">
              <TextField id={id(`translation-${other}`)} name={`translation.${other}`} lang={other} label={t("translation", { language })} defaultValue={values[`translation.${other}`] ?? ""} maxLength={500} />
              {kind === "stimulus" && <TextArea id={id(`translation-${other}-stimulus-copy`)} name={field("stimulusCopy")} lang={other} label={t("stimulusCopyIn", { language })} defaultValue={values[field("stimulusCopy")]} />}
              {hasChoices && <TextArea id={id(`translation-${other}-choices`)} name={field("choices")} lang={other} label={t("choicesIn", { language })} defaultValue={values[field("choices")]} error={error(field("choices"))} rows={4} />}
              {kind === "scale" && (
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField id={id(`translation-${other}-min-label`)} name={field("minLabel")} lang={other} label={t("minLabelIn", { language })} defaultValue={values[field("minLabel")] ?? ""} />
                  <TextField id={id(`translation-${other}-max-label`)} name={field("maxLabel")} lang={other} label={t("maxLabelIn", { language })} defaultValue={values[field("maxLabel")] ?? ""} />
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

function TextArea({ id, label, hint, error, ...props }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number; lang?: string }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={TEXTAREA} rows={3} {...props} />
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-danger">{error}</p>}
    </div>
  );
}
