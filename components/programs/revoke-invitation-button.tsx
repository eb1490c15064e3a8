"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/** Revokes one open council or panel invitation; `hidden` carries the organization, program and invitation ids. */
export function RevokeInvitationButton({ action: revokeAction, hidden, email }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; email: string }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(revokeAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={isPending} aria-label={t("revokeFor", { email })} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-accent">
        {t("revoke")}
      </button>
      <span aria-live="polite" className="text-xs">{state.status === "error" && <span className="text-danger">{te(state.error)}</span>}</span>
    </form>
  );
}
