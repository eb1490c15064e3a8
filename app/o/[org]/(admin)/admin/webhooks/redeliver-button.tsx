"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/http/action-state";
import { redeliverWebhookAction } from "./actions";

/** "Send again" for one delivery; says how the receiver answered, in a live region. */
export function RedeliverButton({ org, deliveryId, label }: { org: string; deliveryId: string; label: string }) {
  const t = useTranslations("webhooks");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(redeliverWebhookAction, IDLE);
  const reason = (code: string) => (t.has(`attemptError.${code}`) ? t(`attemptError.${code}`) : code);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" disabled={isPending} aria-busy={isPending} aria-label={label} className="min-h-11 rounded-md border border-border px-3 text-sm whitespace-nowrap hover:bg-accent disabled:opacity-60">
        {t("sendAgain")}
      </button>
      <span aria-live="polite" className="text-xs" data-testid="redeliver-result">
        {state.status === "error" && <span className="text-danger">{te(state.error)}</span>}
        {state.status === "success" && state.message === "delivered" && <span className="text-success">{t("sentAgainOk", { status: state.values?.responseStatus ?? "" })}</span>}
        {state.status === "success" && state.message !== "delivered" && (
          <span className="text-danger">{t("sentAgainFailed", { reason: state.message === "http_status" ? t("httpStatus", { status: state.values?.responseStatus ?? "" }) : reason(state.message ?? "") })}</span>
        )}
      </span>
    </form>
  );
}
