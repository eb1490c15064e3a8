"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { WEBHOOK_EVENT_TYPES, webhookEventKey } from "@/lib/webhooks/events";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "./actions";

interface EndpointFormProps {
  org: string;
  /** Editing this endpoint; without it the form adds one. */
  endpoint?: { id: string; url: string; description: string; events: string[] };
}

/** Add or edit an endpoint: URL, description and the events it receives, with errors by their fields. */
export function EndpointForm({ org, endpoint }: EndpointFormProps) {
  const t = useTranslations("webhooks");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(endpoint ? updateWebhookEndpointAction : createWebhookEndpointAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const checked = new Set(values.events !== undefined ? values.events.split(" ") : (endpoint?.events ?? []));
  const id = endpoint ? "webhook-edit" : "webhook-new";
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={org} />
      {endpoint && <input type="hidden" name="endpointId" value={endpoint.id} />}
      <TextField id={`${id}-url`} name="url" type="url" inputMode="url" autoComplete="off" spellCheck={false} required label={t("urlLabel")} hint={t("urlHint")} defaultValue={values.url ?? endpoint?.url ?? ""} error={errors.url && te(errors.url)} />
      <TextField id={`${id}-description`} name="description" autoComplete="off" label={t("descriptionLabel")} defaultValue={values.description ?? endpoint?.description ?? ""} error={errors.description && te(errors.description)} />
      <fieldset aria-describedby={errors.events ? `${id}-events-error` : undefined}>
        <legend className="text-sm font-medium">{t("eventsLegend")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex min-h-11 items-start gap-3 rounded-md border border-border px-3 py-2 hover:bg-accent">
              <input type="checkbox" name="events" value={type} defaultChecked={checked.has(type)} className="mt-1 size-4" />
              <span>
                <code className="text-sm font-medium">{type}</code>
                <span className="block text-sm text-muted">{t(`event.${webhookEventKey(type)}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.events && <p id={`${id}-events-error`} className="mt-1 text-sm text-danger">{te(errors.events)}</p>}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending} aria-busy={isPending}>
          {endpoint ? t("saveChanges") : t("create")}
        </Button>
        <span aria-live="polite" className="text-sm">
          {state.status === "success" && <span className="text-success">{t("saved")}</span>}
        </span>
      </div>
      {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
    </form>
  );
}
