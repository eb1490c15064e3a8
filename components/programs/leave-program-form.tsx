"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/**
 * Leaving a council or panel takes two deliberate steps: the first opens the confirmation in the
 * page, not in a browser dialog, and closes it again. A disclosure, so that both steps work without
 * JavaScript (the portal is sent without it). Texts come translated from the caller; `hidden`
 * carries the ids the action needs.
 */
export function LeaveProgramForm({ action: leaveAction, hidden, texts }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; texts: { leave: string; confirm: string; confirmButton: string } }) {
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(leaveAction, IDLE);
  const confirmId = `leave-confirm-${Object.values(hidden).join("-")}`;
  return (
    <details className="group" open={state.status === "error" || undefined}>
      <summary className={buttonClasses("danger", "cursor-pointer list-none")}>{texts.leave}</summary>
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
    </details>
  );
}
