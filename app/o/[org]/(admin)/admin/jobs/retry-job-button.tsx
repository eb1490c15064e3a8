"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/http/action-state";
import { retryJobAction } from "./actions";

export function RetryJobButton({ orgId, jobId, kind }: { orgId: string; jobId: number; kind: string }) {
  const t = useTranslations("jobs");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(retryJobAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="jobId" value={jobId} />
      <button type="submit" disabled={isPending} aria-busy={isPending} aria-label={t("retryFor", { kind, id: jobId })} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-accent">
        {t("retry")}
      </button>
      <span aria-live="polite" className="text-xs">
        {state.status === "error" && <span className="text-danger">{te(state.error)}</span>}
        {state.status === "success" && <span className="text-success">{t("retried")}</span>}
      </span>
    </form>
  );
}
