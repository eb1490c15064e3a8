"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { IDLE } from "@/lib/http/action-state";
import { setStaffActiveAction } from "./actions";

/** Deactivate (with a confirmation) or reactivate one person, with the outcome announced beside the button. */
export function StaffActiveToggle({ orgId, membershipId, email, isActive }: { orgId: string; membershipId: string; email: string; isActive: boolean }) {
  const t = useTranslations("roster");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(setStaffActiveAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <button
        type="submit"
        disabled={isPending}
        aria-busy={isPending}
        aria-label={isActive ? t("deactivateFor", { email }) : t("reactivateFor", { email })}
        onClick={(event) => {
          if (isActive && !window.confirm(t("deactivateConfirm", { email }))) event.preventDefault();
        }}
        className={buttonClasses(isActive ? "danger" : "secondary", "min-h-10 px-3")}>
        {isActive ? t("deactivate") : t("reactivate")}
      </button>
      <span aria-live="polite" className="text-xs">
        {state.status === "error" && <span className="text-danger">{te(state.error)}</span>}
        {state.status === "success" && state.message && <span className="text-success">{t(state.message as "deactivated" | "reactivated")}</span>}
      </span>
    </form>
  );
}
