"use client";
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

const SHORTCUTS = [
  ["1–9", "keyTag"],
  ["j / n", "keyNext"],
  ["k / p", "keyPrevious"],
  ["c", "keyCoded"],
  ["a", "keyAccept"],
  ["d", "keyDismiss"],
  ["?", "keyHelp"],
] as const;

/** The "?" dialog: every coding shortcut, none of which fires while typing in a field. */
export function ShortcutHelp({ ref }: { ref: Ref<HTMLDialogElement> }) {
  const t = useTranslations("coding");
  return (
    <dialog ref={ref} aria-labelledby="shortcut-help-title" className="m-auto max-w-md rounded-lg border border-border bg-surface p-5 text-fg shadow-lg backdrop:bg-black/40">
      <h2 id="shortcut-help-title" className="text-lg font-semibold">{t("shortcutsTitle")}</h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label} className="contents">
            <dt><kbd className="rounded border border-border px-1.5 py-0.5">{keys}</kbd></dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">{t("shortcutsNotWhileTyping")}</p>
      <form method="dialog" className="mt-4 text-right"><Button type="submit">{t("close")}</Button></form>
    </dialog>
  );
}
