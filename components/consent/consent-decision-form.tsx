"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Grant or withdraw one optional purpose. Withdrawing takes effect at once, so it asks for
 * confirmation in the page first (ConfirmDisclosure); a purpose waiting for an answer offers agree
 * and decline. `stateKey` names the recorded answer: once the server records a new one, the
 * confirmation starts closed again.
 * `permalink` is where a decision sent without JavaScript comes back to (React's useActionState
 * matches the outcome to its form by it, so each form needs its own).
 */
export function ConsentDecisionForm({ action: decide, hidden, purposeLabel, isGranted, isWaiting, stateKey, permalink }: { action: Action; hidden: Record<string, string>; purposeLabel: string; isGranted: boolean; isWaiting: boolean; stateKey: string; permalink?: string }) {
  const t = useTranslations("consent");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(decide, IDLE, permalink);
  const fields = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const outcome = (
    <div aria-live="polite">
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      {state.status === "success" && <Alert tone="success">{t(state.message === "granted" ? "granted" : "withdrawn")}</Alert>}
    </div>
  );
  if (isGranted) {
    const confirmId = `withdraw-${hidden.purpose}`;
    return (
      <div className="space-y-2">
        {outcome}
        <ConfirmDisclosure key={stateKey} label={t("withdraw")} variant="secondary" isOpen={state.status === "error"}>
          <form action={action} className="mt-3 space-y-3" aria-labelledby={confirmId}>
            {fields}
            <input type="hidden" name="granted" value="no" />
            <p id={confirmId} className="font-medium">{t("withdrawConfirm", { purpose: purposeLabel })}</p>
            <Button type="submit" variant="danger" disabled={isPending} aria-busy={isPending}>
              {isPending ? t("saving") : t("withdrawConfirmButton")}
            </Button>
          </form>
        </ConfirmDisclosure>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-2">
      {fields}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="granted" value="yes" disabled={isPending} aria-busy={isPending}>{t("grant")}</Button>
        {isWaiting && <Button type="submit" variant="secondary" name="granted" value="no" disabled={isPending}>{t("decline")}</Button>}
      </div>
      {outcome}
    </form>
  );
}
