"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("invite");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(acceptInvitationAction, IDLE);
  return (
    <form action={action} className="mt-6 space-y-4">
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {t("accept")}
      </Button>
    </form>
  );
}
