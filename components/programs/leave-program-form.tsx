"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/**
 * Leaving a council or panel takes two deliberate steps (ConfirmDisclosure), in the page rather
 * than a browser dialog. Texts come translated from the caller; `hidden` carries the ids the action needs.
 */
export function LeaveProgramForm({ action: leaveAction, hidden, texts }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; texts: { leave: string; confirm: string; confirmButton: string } }) {
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(leaveAction, IDLE);
  const confirmId = `leave-confirm-${Object.values(hidden).join("-")}`;
  return (
    <ConfirmDisclosure label={texts.leave} variant="danger" isOpen={state.status === "error"}>
      <form action={action} className="mt-3 space-y-3" aria-labelledby={confirmId}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p id={confirmId} className="font-medium">{texts.confirm}</p>
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
        <Button type="submit" variant="danger" disabled={isPending} aria-busy={isPending}>
          {texts.confirmButton}
        </Button>
      </form>
    </ConfirmDisclosure>
  );
}
