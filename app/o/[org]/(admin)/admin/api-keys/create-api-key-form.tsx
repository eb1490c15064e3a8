"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { API_FAMILIES, READ_ONLY_FAMILIES, type ApiFamily } from "@/lib/api-keys/scopes";
import { IDLE } from "@/lib/http/action-state";
import { createApiKeyAction, type CreateApiKeyState } from "./actions";
import { NewKeyPanel } from "./new-key-panel";
import { useErrorText } from "./use-error-text";

const ACCESS = ["none", "read", "write"] as const;

/** Name and scopes (none, read or write per resource family); after creating, the key is shown this once. */
export function CreateApiKeyForm({ orgId }: { orgId: string }) {
  const t = useTranslations("apiKeys");
  const errorText = useErrorText();
  const [state, action, isPending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, IDLE);
  // Dismissing the new key forgets it: only the action's answer ever held it.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.status === "created" && state.key.id !== dismissed ? state.key : null;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};

  return (
    <div className="grid gap-6">
      {created && <NewKeyPanel secret={created.secret} name={created.name} onDone={() => setDismissed(created.id)} />}
      {/* A new key mounts an empty form for the next one. */}
      <form action={action} className="grid gap-5" noValidate key={state.status === "created" ? state.key.id : "form"}>
        <input type="hidden" name="orgId" value={orgId} />
        <TextField id="api-key-name" name="name" autoComplete="off" required maxLength={100} className="max-w-md" label={t("nameLabel")} hint={t("nameHint")} defaultValue={values.name} error={errors.name && errorText(errors.name)} />
        <fieldset aria-describedby={errors.scopes ? "api-key-scopes-hint api-key-scopes-error" : "api-key-scopes-hint"} className="grid gap-2">
          <legend className="text-sm font-medium">{t("scopesLegend")}</legend>
          <p id="api-key-scopes-hint" className="text-sm text-muted">{t("scopesHint")}</p>
          <div className="divide-y divide-border rounded-md border border-border" data-testid="scope-table">
            {API_FAMILIES.map((family) => (
              <ScopeRow key={family} family={family} defaultAccess={(values[`scope.${family}`] as (typeof ACCESS)[number] | undefined) ?? "none"} />
            ))}
          </div>
          {errors.scopes && <p id="api-key-scopes-error" className="text-sm text-danger">{errorText(errors.scopes)}</p>}
        </fieldset>
        <div>
          <Button type="submit" disabled={isPending} aria-busy={isPending}>{t("create")}</Button>
        </div>
        <div aria-live="polite">{state.status === "error" && Object.keys(errors).length === 0 && <Alert>{errorText(state.error)}</Alert>}</div>
      </form>
    </div>
  );
}

/** One resource family: a radio group (arrow keys move within it); read-only families offer no write. */
function ScopeRow({ family, defaultAccess }: { family: ApiFamily; defaultAccess: (typeof ACCESS)[number] }) {
  const t = useTranslations("apiKeys");
  const choices = READ_ONLY_FAMILIES.includes(family) ? ACCESS.filter((access) => access !== "write") : ACCESS;
  return (
    <div role="radiogroup" aria-labelledby={`scope-${family}-label`} aria-describedby={`scope-${family}-hint`} className="grid gap-2 px-3 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
      <div>
        <span id={`scope-${family}-label`} className="block font-medium">{t(`families.${family}`)}</span>
        <span id={`scope-${family}-hint`} className="block text-sm text-muted">{t(`familyHints.${family}`)}</span>
      </div>
      <div className="flex flex-wrap gap-2">
        {choices.map((access) => (
          <label key={access} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-border px-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary">
            <input type="radio" name={`scope.${family}`} value={access} defaultChecked={access === defaultAccess} aria-label={t("accessFor", { family: t(`families.${family}`), access: t(`access.${access}`) })} className="size-4" />
            <span aria-hidden="true">{t(`access.${access}`)}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
