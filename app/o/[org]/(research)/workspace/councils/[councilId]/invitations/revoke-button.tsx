"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/http/action-state";
import { revokeCouncilInvitationAction } from "../../actions";

export function RevokeCouncilInvitationButton({ orgId, councilId, invitationId, email }: { orgId: string; councilId: string; invitationId: string; email: string }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(revokeCouncilInvitationAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="councilId" value={councilId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={isPending} aria-label={t("revokeFor", { email })} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-accent">
        {t("revoke")}
      </button>
      <span aria-live="polite" className="text-xs">{state.status === "error" && <span className="text-danger">{te(state.error)}</span>}</span>
    </form>
  );
}
