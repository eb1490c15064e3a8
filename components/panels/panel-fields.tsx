"use client";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { SelectField, TextField } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import type { LabelledAttribute } from "./attribute-labels";

/**
 * The settings shared by creating a panel and editing it: what members read, the target size and the
 * representation quotas, one input per attribute value named `quota.<attribute>.<value>`.
 */
export function PanelFields({ values, errors, attributes, isNew }: { values: Record<string, string>; errors: Record<string, string>; attributes: LabelledAttribute[]; isNew: boolean }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  return (
    <div className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("aboutLegend")}</legend>
        <TextField id="panel-name" name="name" required maxLength={120} autoComplete="off" label={t("nameLabel")} defaultValue={values.name} error={error("name")} />
        <TextAreaField id="panel-purpose" name="purpose" required rows={3} maxLength={2000} label={t("purposeLabel")} hint={t("purposeHint")} defaultValue={values.purpose} error={error("purpose")} />
        <SelectField id="panel-locale" name="defaultLocale" label={t("defaultLocaleLabel")} defaultValue={values.defaultLocale ?? "en"} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} error={error("defaultLocale")} />
        {/* Once the panel exists, consent texts change only as versions per purpose, under "Consent and promises". */}
        {isNew ? (
          <TextAreaField id="panel-consent" name="consentText" rows={3} maxLength={5000} label={t("consentLabel")} hint={t("consentHintNew")} defaultValue={values.consentText} error={error("consentText")} />
        ) : (
          <p className="text-sm text-muted">{t("consentEditedAsVersions")}</p>
        )}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-1 text-lg font-semibold">{t("quotasLegend")}</legend>
        <p className="text-sm text-muted">{t("quotasHint")}</p>
        <TextField id="panel-target-size" name="targetSize" type="number" inputMode="numeric" min={1} max={100000} label={t("targetSizeLabel")} defaultValue={values.targetSize} error={error("targetSize")} className="max-w-xs" />
        {errors.panelQuotas && <p className="text-sm text-danger" role="alert">{te(errors.panelQuotas)}</p>}
        <div className="grid gap-4 md:grid-cols-2">
          {attributes.map((attribute) => (
            <fieldset key={attribute.key} className="rounded-md border border-border p-3">
              <legend className="px-1 text-sm font-semibold">{attribute.label}</legend>
              <div className="grid grid-cols-2 items-end gap-2 sm:grid-cols-3">
                {attribute.values.map((value) => (
                  <TextField
                    key={value.value}
                    id={`quota-${attribute.key}-${value.value}`}
                    name={`quota.${attribute.key}.${value.value}`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    label={t("quotaLabel", { value: value.label })}
                    defaultValue={values[`quota.${attribute.key}.${value.value}`]}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
