"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The whole key, this once: a warning that it will not be shown again, a copy button and a way to put it away. */
export function NewKeyPanel({ secret, name, onDone }: { secret: string; name: string; onDone: () => void }) {
  const t = useTranslations("apiKeys");
  const [copyStatus, setCopyStatus] = useState<"idle" | "copied" | "failed">("idle");
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves to the new key, so a keyboard or screen reader user lands on it and hears the warning.
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyStatus("copied");
    } catch {
      setCopyStatus("failed");
    }
  }

  return (
    <section aria-labelledby="new-key-heading" aria-describedby="new-key-warning" className="grid gap-3 rounded-md border border-warning bg-warning-bg p-4" data-testid="new-api-key">
      <h3 id="new-key-heading" ref={headingRef} tabIndex={-1} className="font-semibold text-fg outline-none">{t("createdTitle")}</h3>
      <p id="new-key-warning" className="text-sm text-fg">{t("createdWarning")}</p>
      <label htmlFor="new-key-secret" className="text-sm font-medium text-fg">{t("secretLabel", { name })}</label>
      <input id="new-key-secret" readOnly value={secret} onFocus={(event) => event.currentTarget.select()} className="block w-full min-h-11 rounded-md border border-border bg-surface px-3 font-mono text-sm text-fg" data-testid="new-api-key-secret" />
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={copy}>{t("copy")}</Button>
        <Button variant="secondary" onClick={onDone}>{t("done")}</Button>
        <span aria-live="polite" className="text-sm text-fg">{copyStatus === "copied" ? t("copied") : copyStatus === "failed" ? t("copyFailed") : ""}</span>
      </div>
    </section>
  );
}
