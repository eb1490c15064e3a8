"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/councils/form-key";
import { PollContentFields } from "@/components/polls/poll-content-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import type { Locale } from "@/lib/i18n/locales";
import { saveLivePollAction } from "./actions";

/** Adds a poll to the session, or edits a prepared one (`pollId`); the fields are the quick poll's. */
export function LivePollForm({ orgId, orgSlug, sessionId, pollId, initial, defaultLocale, title, onDone }: {
  orgId: string; orgSlug: string; sessionId: string; pollId?: string; initial?: Record<string, string>; defaultLocale: Locale; title: string; onDone: () => void;
}) {
  const tl = useTranslations("live.console");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(saveLivePollAction, IDLE);
  // After a refused save the form shows what was sent; otherwise the saved poll, if editing one.
  const values: Record<string, string> = state.status === "error" ? state.values ?? {} : initial ?? {};
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);

  useEffect(() => {
    if (state.status === "success") onDone();
  }, [state, onDone]);

  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="live-poll-form-title" data-testid="live-poll-form">
      <h3 id="live-poll-form-title" className="text-base font-semibold">{title}</h3>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {pollId && <input type="hidden" name="pollId" value={pollId} />}
      <PollContentFields key={formKey(values)} idPrefix="live-poll" orgSlug={orgSlug} defaultLocale={defaultLocale} values={values} error={error} />
      <div aria-live="polite">{state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}</div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? tl("working") : tl("savePoll")}</Button>
        <Button variant="secondary" onClick={onDone}>{tl("cancel")}</Button>
      </div>
    </form>
  );
}
