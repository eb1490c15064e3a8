"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { DATA_USE_PROMISES } from "@/lib/consent/data-use-promises";
import { IDLE, type ActionState } from "@/lib/http/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The program's data-use promises, one checkbox each. */
export function PromisesForm({ action: saveAction, hidden, promises }: { action: Action; hidden: Record<string, string>; promises: readonly string[] }) {
  const t = useTranslations("consent");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(saveAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="space-y-2">
        <legend className="sr-only">{t("promisesLegend")}</legend>
        {DATA_USE_PROMISES.map((promise) => (
          <div key={promise} className="flex min-h-11 items-start gap-3">
            <input id={`promise-${promise}`} name="promise" type="checkbox" value={promise} defaultChecked={promises.includes(promise)} className="mt-1 size-5 shrink-0" />
            <label htmlFor={`promise-${promise}`} className="text-sm">{t(`promise.${promise}`)}</label>
          </div>
        ))}
      </fieldset>
      <div aria-live="polite">
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
        {state.status === "success" && <Alert tone="success">{t("promisesSaved")}</Alert>}
      </div>
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("savePromises")}
      </Button>
    </form>
  );
}
