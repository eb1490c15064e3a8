"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { PROFILE_ATTRIBUTES, PROFILE_CHOICES } from "@/lib/councils/profile-choices";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { TextAreaField } from "./text-area-field";

/**
 * The settings shared by creating a council and editing it: what members read, the cadence and the
 * composition targets. `values` are the saved or last-typed values; target inputs are `target.<attribute>.<value>`.
 */
export function CouncilFields({ values, errors, isNew }: { values: Record<string, string>; errors: Record<string, string>; isNew: boolean }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [cadence, setCadence] = useState(values.cadence ?? "quarterly");
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  return (
    <div className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("aboutLegend")}</legend>
        <TextField id="council-name" name="name" required maxLength={120} autoComplete="off" label={t("nameLabel")} defaultValue={values.name} error={error("name")} />
        <TextAreaField id="council-purpose" name="purpose" required rows={3} maxLength={2000} label={t("purposeLabel")} hint={t("purposeHint")} defaultValue={values.purpose} error={error("purpose")} />
        <SelectField id="council-locale" name="defaultLocale" label={t("defaultLocaleLabel")} defaultValue={values.defaultLocale ?? "en"} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} error={error("defaultLocale")} />
        {/* Once the council exists, consent texts change only as versions per purpose, under "Consent and promises". */}
        {isNew ? (
          <TextAreaField id="council-consent" name="consentText" rows={3} maxLength={5000} label={t("consentLabel")} hint={t("consentHintNew")} defaultValue={values.consentText} error={error("consentText")} />
        ) : (
          <p className="text-sm text-muted">{t("consentEditedAsVersions")}</p>
        )}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("cadenceLegend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="council-cadence"
            name="cadence"
            label={t("cadenceLabel")}
            value={cadence}
            onChange={(event) => setCadence(event.target.value)}
            options={(["quarterly", "monthly", "custom"] as const).map((value) => ({ value, label: t(`cadence.${value}`) }))}
          />
          {cadence === "custom" && <TextField id="council-cadence-months" name="cadenceMonths" type="number" inputMode="numeric" min={1} max={12} required label={t("cadenceMonthsLabel")} defaultValue={values.cadenceMonths} error={error("cadenceMonths")} />}
          {isNew && <TextField id="council-starts-on" name="startsOn" type="date" label={t("startsOnLabel")} hint={t("startsOnHint")} defaultValue={values.startsOn} error={error("startsOn")} />}
          <TextField id="council-open-day" name="openDay" type="number" inputMode="numeric" min={1} max={28} label={t("openDayLabel")} defaultValue={values.openDay ?? "1"} error={error("openDay")} />
          <TextField id="council-open-for" name="openForDays" type="number" inputMode="numeric" min={1} max={60} label={t("openForDaysLabel")} defaultValue={values.openForDays ?? "14"} error={error("openForDays")} />
          <TextField id="council-reminders" name="maxReminders" type="number" inputMode="numeric" min={0} max={5} label={t("maxRemindersLabel")} defaultValue={values.maxReminders ?? "2"} error={error("maxReminders")} />
          <TextField id="council-reminder-every" name="reminderEveryDays" type="number" inputMode="numeric" min={1} max={14} label={t("reminderEveryDaysLabel")} defaultValue={values.reminderEveryDays ?? "3"} error={error("reminderEveryDays")} />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-1 text-lg font-semibold">{t("compositionLegend")}</legend>
        <p className="text-sm text-muted">{t("compositionHint")}</p>
        <TextField id="council-target-size" name="targetSize" type="number" inputMode="numeric" min={1} max={10000} label={t("targetSizeLabel")} defaultValue={values.targetSize} error={error("targetSize")} className="max-w-xs" />
        {errors.compositionTargets && <p className="text-sm text-danger" role="alert">{te(errors.compositionTargets)}</p>}
        <div className="grid gap-4 md:grid-cols-2">
          {PROFILE_ATTRIBUTES.map((attribute) => (
            <fieldset key={attribute} className="rounded-md border border-border p-3">
              <legend className="px-1 text-sm font-semibold">{t(`attribute.${attribute}`)}</legend>
              <div className="grid grid-cols-2 items-end gap-2 sm:grid-cols-3">
                {PROFILE_CHOICES[attribute].map((value) => (
                  <TextField
                    key={value}
                    id={`target-${attribute}-${value}`}
                    name={`target.${attribute}.${value}`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    label={t("targetShareLabel", { value: t(`choice.${attribute}.${value}`) })}
                    defaultValue={values[`target.${attribute}.${value}`]}
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
