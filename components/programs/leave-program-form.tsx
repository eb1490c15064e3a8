"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/**
 * Leaving a council or panel takes two deliberate steps: the first asks for confirmation in the page,
 * not in a browser dialog. Texts come translated from the caller; `hidden` carries the ids the action needs.
 */
export function LeaveProgramForm({ action: leaveAction, hidden, texts }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; texts: { leave: string; confirm: string; confirmButton: string; cancel: string } }) {
  const te = useTranslations("errors");
  const [isConfirming, setConfirming] = useState(false);
  const [state, action, isPending] = useActionState(leaveAction, IDLE);
  const confirmId = `leave-confirm-${Object.values(hidden).join("-")}`;
  if (!isConfirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {texts.leave}
      </Button>
    );
  }
  return (
    <form action={action} className="space-y-3" aria-labelledby={confirmId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p id={confirmId} className="font-medium">{texts.confirm}</p>
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={isPending} aria-busy={isPending}>
          {texts.confirmButton}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={isPending}>
          {texts.cancel}
        </Button>
      </div>
    </form>
  );
}
