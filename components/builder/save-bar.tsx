"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { SaveStatus } from "./use-draft-saver";

/** The instrument's name and whether the draft is saved; sticks to the top while scrolling. */
export function SaveBar({ name, onName, isNameValid, status, onSave }: { name: string; onName: (name: string) => void; isNameValid: boolean; status: SaveStatus; onSave: () => void }) {
  const t = useTranslations("builder");
  const te = useTranslations("errors");
  const text =
    status.status === "saved" ? t("saved")
    : status.status === "saving" ? t("saving")
    : status.status === "dirty" ? t("unsaved")
    : status.status === "invalid" ? t("cannotSave")
    : te(status.error);
  const tone = status.status === "error" || status.status === "invalid" ? "text-danger" : status.status === "saved" ? "text-success" : "text-muted";
  return (
    <div className="z-20 -mx-4 mb-6 border-b border-border bg-bg/95 px-4 py-3 backdrop-blur sm:sticky sm:top-0">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-full space-y-1 sm:basis-0">
          <label htmlFor="instrument-name" className="block text-sm font-medium">
            {t("nameLabel")}
          </label>
          <input
            id="instrument-name"
            value={name}
            maxLength={120}
            onChange={(event) => onName(event.target.value)}
            aria-invalid={isNameValid ? undefined : true}
            aria-describedby="save-status"
            className="block min-h-11 w-full rounded-md border border-border bg-surface px-3 py-2 text-lg font-semibold aria-[invalid=true]:border-danger"
          />
        </div>
        <p id="save-status" role="status" data-testid="save-status" data-status={status.status} className={cn("mr-auto min-h-11 py-3 text-sm sm:mr-0", tone)}>
          {text}
          {!isNameValid && ` ${te("nameTooShort")}`}
        </p>
        {status.status === "error" && status.isConflict ? (
          <Button onClick={() => window.location.reload()}>{t("reload")}</Button>
        ) : (
          <Button variant="secondary" onClick={onSave} disabled={status.status === "saving" || status.status === "saved"}>
            {t("saveNow")}
          </Button>
        )}
      </div>
    </div>
  );
}
