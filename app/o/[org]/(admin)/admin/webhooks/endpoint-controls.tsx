"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { deleteWebhookEndpointAction, rotateWebhookSecretAction, setWebhookEndpointEnabledAction } from "./actions";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** One button posting an endpoint's ids to an action, asking first when `confirmText` is given. */
function EndpointActionButton({ action: serverAction, org, endpointId, fields = {}, label, confirmText, variant = "secondary", done }: { action: ServerAction; org: string; endpointId: string; fields?: Record<string, string>; label: string; confirmText?: string; variant?: "secondary" | "danger"; done?: string }) {
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(serverAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="endpointId" value={endpointId} />
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <Button
        type="submit"
        variant={variant}
        disabled={isPending}
        aria-busy={isPending}
        onClick={(event) => {
          if (confirmText && !window.confirm(confirmText)) event.preventDefault();
        }}>
        {label}
      </Button>
      <span aria-live="polite" className="text-sm">
        {state.status === "error" && <span className="text-danger">{te(state.error)}</span>}
        {state.status === "success" && done && <span className="text-success">{done}</span>}
      </span>
    </form>
  );
}

export function ToggleEndpointButton({ org, endpointId, isEnabled }: { org: string; endpointId: string; isEnabled: boolean }) {
  const t = useTranslations("webhooks");
  return <EndpointActionButton action={setWebhookEndpointEnabledAction} org={org} endpointId={endpointId} fields={{ isEnabled: String(!isEnabled) }} label={isEnabled ? t("disable") : t("enable")} />;
}

export function RotateSecretButton({ org, endpointId }: { org: string; endpointId: string }) {
  const t = useTranslations("webhooks");
  return <EndpointActionButton action={rotateWebhookSecretAction} org={org} endpointId={endpointId} label={t("rotateSecret")} confirmText={t("rotateConfirm")} done={t("rotated")} />;
}

export function DeleteEndpointButton({ org, endpointId }: { org: string; endpointId: string }) {
  const t = useTranslations("webhooks");
  return <EndpointActionButton action={deleteWebhookEndpointAction} org={org} endpointId={endpointId} label={t("delete")} confirmText={t("deleteConfirm")} variant="danger" />;
}
