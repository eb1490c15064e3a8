"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { IDLE } from "@/lib/http/action-state";
import { revokeApiKeyAction } from "./actions";
import { useErrorText } from "./use-error-text";

/** Revoke in two steps: the first button asks, in place, whether to go ahead; focus follows each step. */
export function RevokeApiKeyButton({ orgId, apiKeyId, name }: { orgId: string; apiKeyId: string; name: string }) {
  const t = useTranslations("apiKeys");
  const errorText = useErrorText();
  const [state, action, isPending] = useActionState(revokeApiKeyAction, IDLE);
  const [isAsking, setIsAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  if (!isAsking) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <button ref={askRef} type="button" className={buttonClasses("danger", "min-h-10")} aria-label={t("revokeFor", { name })} onClick={() => setIsAsking(true)}>{t("revoke")}</button>
        <span aria-live="polite" className="text-xs">{state.status === "error" && <span className="text-danger">{errorText(state.error)}</span>}</span>
      </div>
    );
  }
  return (
    <form action={action} className="grid max-w-xs gap-2" role="group" aria-labelledby={`revoke-${apiKeyId}-question`}>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <p id={`revoke-${apiKeyId}-question`} className="text-sm whitespace-normal">{t("revokeConfirm", { name })}</p>
      <div className="flex flex-wrap gap-2">
        <button ref={confirmRef} type="submit" className={buttonClasses("danger", "min-h-10")} disabled={isPending} aria-busy={isPending}>{t("revokeYes")}</button>
        <Button variant="secondary" className="min-h-10" onClick={() => setIsAsking(false)}>{t("revokeCancel")}</Button>
      </div>
    </form>
  );
}
