"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { problemMessageKey, readProblem } from "@/lib/http/problem";
import { useRefusalText } from "@/components/i18n/use-refusal-text";
import { livePostUrl } from "./use-live-stream";

const TEXTAREA = "block w-full rounded-md border border-border bg-surface px-3 py-2 text-base text-fg aria-[invalid=true]:border-danger";

/**
 * A participant's message box; it clears once the post is in, and keeps the text when refused. The
 * post arrives in the thread through the session's stream, as everyone else's do.
 */
export function PostBox({ orgSlug, sessionId }: { orgSlug: string; sessionId: string }) {
  const t = useTranslations("live.thread");
  const refusalText = useRefusalText();
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setIsSending(true);
    try {
      const response = await fetch(livePostUrl(orgSlug, sessionId), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ body: new FormData(form).get("body") ?? "" }) });
      if (response.ok) {
        form.reset();
        setError(null);
      } else {
        setError(refusalText(problemMessageKey(await readProblem(response), "body"), t("failed")));
      }
    } catch {
      setError(t("failed"));
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
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
      />
      <p id="live-post-hint" className="text-sm text-muted">{t("postHint")}</p>
      <div aria-live="polite">{error && <p id="live-post-error" className="text-sm text-danger">{error}</p>}</div>
      <Button type="submit" disabled={isSending} aria-busy={isSending}>{isSending ? t("sending") : t("send")}</Button>
    </form>
  );
}
