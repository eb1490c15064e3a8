"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { configureFrontlineProgramAction } from "./actions";

export interface FrontlineSettings {
  openDay: number;
  openForDays: number;
  maxReminders: number;
  reminderEveryDays: number;
  isActive: boolean;
}

const FIELDS = [
  { name: "openDay", min: 1, max: 28 },
  { name: "openForDays", min: 1, max: 27 },
  { name: "maxReminders", min: 0, max: 5 },
  { name: "reminderEveryDays", min: 1, max: 14 },
] as const;

export function FrontlineSettingsForm({ orgId, settings }: { orgId: string; settings: FrontlineSettings }) {
  const t = useTranslations("cycles");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(configureFrontlineProgramAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <TextField
            key={field.name}
            id={`frontline-${field.name}`}
            name={field.name}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            required
            label={t(`${field.name}Label`)}
            hint={t(`${field.name}Hint`, { min: field.min, max: field.max })}
            defaultValue={values[field.name] ?? String(settings[field.name])}
            error={errors[field.name] && te(errors[field.name])}
          />
        ))}
      </div>
      <div className="flex min-h-11 items-center gap-3">
        <input id="frontline-isActive" name="isActive" type="checkbox" value="true" defaultChecked={state.status === "error" ? values.isActive === "true" : settings.isActive} className="size-5" />
        <label htmlFor="frontline-isActive" className="text-sm font-medium">{t("isActiveLabel")}</label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending} aria-busy={isPending}>
          {isPending ? t("saving") : t("saveSettings")}
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1 basis-64">
          {state.status === "success" && <Alert tone="success">{t("settingsSaved")}</Alert>}
          {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
        </div>
      </div>
    </form>
  );
}
