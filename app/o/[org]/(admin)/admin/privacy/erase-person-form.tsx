"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { ErasureSummary } from "@/components/privacy/erasure-summary";
import { erasePersonAction, findPersonAction, type ErasePersonState, type FindPersonState } from "./actions";
import { useErrorText } from "./use-error-text";

/** Two steps: find the member by email and see what would go; then retype the email to erase, and get the receipt. */
export function ErasePersonForm({ orgId }: { orgId: string }) {
  const t = useTranslations("privacy");
  const tr = useTranslations("roles");
  const errorText = useErrorText();
  const [found, find, isFinding] = useActionState<FindPersonState, FormData>(findPersonAction, IDLE);
  const [erased, erase, isErasing] = useActionState<ErasePersonState, FormData>(erasePersonAction, IDLE);
  const findErrors = found.status === "error" ? (found.fieldErrors ?? {}) : {};
  const eraseErrors = erased.status === "error" ? (erased.fieldErrors ?? {}) : {};

  if (erased.status === "erased") {
    return (
      <div aria-live="polite" className="grid gap-2">
        <Alert tone="success">{t("erasedByAdmin")}</Alert>
        <p className="text-sm">
          {t("receiptLabel")} <code className="rounded bg-accent px-1 py-0.5 break-all" data-testid="erasure-receipt">{erased.receiptId}</code>
        </p>
        <p className="text-sm text-muted">{t("receiptHint")}</p>
      </div>
    );
  }
  return (
    <div className="grid gap-6">
      <form action={find} className="grid gap-3 sm:grid-cols-[minmax(0,24rem)_auto] sm:items-end" noValidate>
        <input type="hidden" name="orgId" value={orgId} />
        <TextField id="erase-find-email" name="email" type="email" autoComplete="off" required label={t("findEmailLabel")} defaultValue={found.status === "found" ? found.email : undefined} error={findErrors.email && errorText(findErrors.email)} />
        <div className={findErrors.email ? "sm:mb-6" : undefined}>
          <Button type="submit" variant="secondary" disabled={isFinding} aria-busy={isFinding}>{t("find")}</Button>
        </div>
        <div className="sm:col-span-2" aria-live="polite">
          {found.status === "error" && Object.keys(findErrors).length === 0 && <Alert>{errorText(found.error)}</Alert>}
        </div>
      </form>
      {found.status === "found" && (
        <section aria-labelledby="erase-found-heading" className="grid gap-4 rounded-md border border-border p-4">
          <h3 id="erase-found-heading" className="font-semibold">{t("foundHeading", { role: tr(found.preview.role) })}</h3>
          {found.preview.isErasable ? (
            <>
              <ErasureSummary preview={found.preview} audience="admin" />
              <form action={erase} className="grid gap-3 [overflow-wrap:anywhere]" noValidate>
                <input type="hidden" name="orgId" value={orgId} />
                <input type="hidden" name="membershipId" value={found.preview.membershipId} />
                <TextField id="erase-reference" name="reference" autoComplete="off" maxLength={120} label={t("referenceLabel")} hint={t("referenceHint")} error={eraseErrors.reference && errorText(eraseErrors.reference)} />
                <TextField id="erase-confirmation" name="confirmation" type="email" autoComplete="off" required label={t("confirmAdminLabel", { email: found.email })} error={eraseErrors.confirmation && errorText(eraseErrors.confirmation)} />
                <div>
                  <Button type="submit" variant="danger" disabled={isErasing} aria-busy={isErasing}>{t("eraseSubmit")}</Button>
                </div>
                <div aria-live="polite">{erased.status === "error" && Object.keys(eraseErrors).length === 0 && <Alert>{errorText(erased.error)}</Alert>}</div>
              </form>
            </>
          ) : (
            <Alert tone="warning">{t("staffFirst")}</Alert>
          )}
        </section>
      )}
    </div>
  );
}
