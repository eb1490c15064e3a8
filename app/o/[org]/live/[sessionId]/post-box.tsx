"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/http/action-state";
import { createLivePostAction } from "./actions";

const TEXTAREA = "block w-full rounded-md border border-border bg-surface px-3 py-2 text-base text-fg aria-[invalid=true]:border-danger";

/** A participant's message box; it clears once the post is in, and keeps the text when refused. */
export function PostBox({ orgId, sessionId }: { orgId: string; sessionId: string }) {
  const t = useTranslations("live.thread");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(createLivePostAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const error = state.status === "error" ? te(state.fieldErrors?.body ?? state.error) : undefined;
  return (
    <form ref={form} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <label htmlFor="live-post-body" className="block text-sm font-medium">{t("postLabel")}</label>
      <textarea
        id="live-post-body"
        name="body"
        rows={2}
        maxLength={1000}
        required
        className={TEXTAREA}
        aria-invalid={error ? true : undefined}
        aria-describedby={`live-post-hint${error ? " live-post-error" : ""}`}
        defaultValue={state.status === "error" ? state.values?.body : undefined}
      />
      <p id="live-post-hint" className="text-sm text-muted">{t("postHint")}</p>
      <div aria-live="polite">{error && <p id="live-post-error" className="text-sm text-danger">{error}</p>}</div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("sending") : t("send")}</Button>
    </form>
  );
}
