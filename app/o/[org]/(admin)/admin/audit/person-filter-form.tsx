"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { filterAuditByPersonAction } from "./actions";

/** The person filter posts the email (never put in a URL) and comes back as an account id. */
export function PersonFilterForm({ orgId, orgSlug, kept }: { orgId: string; orgSlug: string; kept: Record<string, string> }) {
  const t = useTranslations("audit");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(filterAuditByPersonAction, IDLE);
  const error = state.status === "error" ? (state.fieldErrors?.email ?? state.error) : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {Object.entries(kept).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <TextField id="audit-person" name="email" type="email" autoComplete="off" label={t("personLabel")} hint={t("personHint")} defaultValue={state.status === "error" ? state.values?.email : undefined} error={error && te(error)} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{t("personApply")}</Button>
    </form>
  );
}
