"use client";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { BuilderContext } from "@/components/builder/builder-context";
import { ImageUpload } from "@/components/builder/image-upload";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { PollFormValues } from "@/lib/live/poll-view";
import { QUICK_POLL_KINDS, type QuickPollKind } from "@/lib/polls/schemas";
import { saveLivePollAction } from "./actions";

const TEXTAREA = "block w-full rounded-md border border-border bg-surface px-3 py-2 text-base text-fg aria-[invalid=true]:border-danger";

/** Adds a poll to the session, or edits a prepared one (`pollId`); the fields are the quick poll's. */
export function LivePollForm({ orgId, orgSlug, sessionId, pollId, initial, defaultLocale, title, onDone }: {
  orgId: string; orgSlug: string; sessionId: string; pollId?: string; initial?: PollFormValues; defaultLocale: Locale; title: string; onDone: () => void;
}) {
  const t = useTranslations("polls");
  const tl = useTranslations("live.console");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(saveLivePollAction, IDLE);
  const values: Record<string, string> = state.status === "error" ? state.values ?? {} : {};
  const start = (field: keyof PollFormValues) => values[field] ?? (initial?.[field] as string | undefined) ?? "";
  const [kind, setKind] = useState<QuickPollKind>((values.kind ?? initial?.kind ?? "single") as QuickPollKind);
  const [locale, setLocale] = useState<Locale>((values.defaultLocale ?? initial?.defaultLocale ?? defaultLocale) as Locale);
  const [imageUrl, setImageUrl] = useState<string | undefined>(initial?.stimulusImageUrl || undefined);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  const hasChoices = kind === "single" || kind === "multiple" || kind === "stimulus";

  useEffect(() => {
    if (state.status === "success") onDone();
  }, [state, onDone]);

  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="live-poll-form-title" data-testid="live-poll-form">
      <h3 id="live-poll-form-title" className="text-base font-semibold">{title}</h3>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {pollId && <input type="hidden" name="pollId" value={pollId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="live-poll-kind" name="kind" label={t("kindLabel")} value={kind} onChange={(event) => setKind(event.target.value as QuickPollKind)} options={QUICK_POLL_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} error={error("kind")} />
        <SelectField id="live-poll-locale" name="defaultLocale" label={t("language")} value={locale} onChange={(event) => setLocale(event.target.value as Locale)} options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))} error={error("defaultLocale")} />
      </div>
      <TextField id="live-poll-prompt" name="prompt" label={t("prompt")} defaultValue={start("prompt")} required maxLength={500} error={error("prompt")} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("translationsLegend")}</legend>
        <p className="text-sm text-muted">{t("translationsHint")}</p>
        {LOCALES.filter((other) => other !== locale).map((other) => (
          <TextField key={other} id={`live-poll-translation-${other}`} name={`translation.${other}`} lang={other} label={t("translation", { language: LOCALE_NAMES[other] })} defaultValue={values[`translation.${other}`] ?? initial?.translations[other] ?? ""} maxLength={500} />
        ))}
      </fieldset>
      {kind === "stimulus" && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("stimulusLegend")}</legend>
          <BuilderContext.Provider value={{ editLocales: [locale], defaultLocale: locale, requiredLocales: [locale], orgSlug }}>
            <ImageUpload id="live-poll-stimulus-image" imageUrl={imageUrl} onChange={setImageUrl} />
          </BuilderContext.Provider>
          <input type="hidden" name="stimulusImageUrl" value={imageUrl ?? ""} />
          <TextArea id="live-poll-stimulus-copy" name="stimulusCopy" label={t("stimulusCopy")} defaultValue={start("stimulusCopy")} error={error("stimulusCopy")} />
        </fieldset>
      )}
      {hasChoices && <TextArea id="live-poll-choices" name="choices" label={t("choices")} hint={kind === "stimulus" ? t("choicesHint") : undefined} defaultValue={start("choices")} error={error("choices")} rows={4} />}
      {kind === "scale" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="live-poll-min-label" name="minLabel" label={t("minLabel")} defaultValue={start("minLabel")} />
          <TextField id="live-poll-max-label" name="maxLabel" label={t("maxLabel")} defaultValue={start("maxLabel")} />
        </div>
      )}
      <div aria-live="polite">{state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}</div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? tl("working") : tl("savePoll")}</Button>
        <Button variant="secondary" onClick={onDone}>{tl("cancel")}</Button>
      </div>
    </form>
  );
}

function TextArea({ id, label, hint, error, ...props }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={TEXTAREA} rows={3} {...props} />
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-danger">{error}</p>}
    </div>
  );
}
