"use client";
import { useActionState } from "react";
import { useErrorText } from "@/components/coding/use-error-text";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/** A delete button that asks first, posting its hidden fields to a server action and saying why it failed. */
export function ConfirmDeleteForm({ action: serverAction, fields, confirmText, label, namespace }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; fields: Record<string, string>; confirmText: string; label: string; namespace: "themes" | "interviews" }) {
  const errorText = useErrorText(namespace);
  const [state, action, isPending] = useActionState(serverAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <Button
        type="submit"
        variant="danger"
        disabled={isPending}
        aria-busy={isPending}
        onClick={(event) => {
          if (!window.confirm(confirmText)) event.preventDefault();
        }}>
        {label}
      </Button>
      <span aria-live="polite" className="text-sm">{state.status === "error" && <span className="text-danger">{errorText(state.error)}</span>}</span>
    </form>
  );
}
