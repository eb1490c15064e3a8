"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/** A one-button (or select + button) form in a table row, with its outcome announced beside it. */
export function RowActionForm({
  action,
  hidden,
  children,
  className,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  children: (isPending: boolean) => React.ReactNode;
  className?: string;
}) {
  const t = useTranslations("members");
  const te = useTranslations("errors");
  const [state, formAction, isPending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={cn("flex items-center gap-2", className)}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(isPending)}
      <span aria-live="polite" className="text-xs">
        {state.status === "error" && <span className="text-danger">{te(state.error)}</span>}
        {state.status === "success" && state.message && <span className="text-success">{t(state.message)}</span>}
      </span>
    </form>
  );
}
