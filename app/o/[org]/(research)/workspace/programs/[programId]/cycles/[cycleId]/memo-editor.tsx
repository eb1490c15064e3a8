"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { saveMemoAction } from "./actions";

export interface QuotableAnswerView {
  key: string;
  question: string;
  text: string;
}

/** The memo: title, the researcher's text, and quotes picked from the session's open answers. */
export function MemoEditor({ orgId, programId, cycleId, memo, answers, isPublished }: { orgId: string; programId: string; cycleId: string; memo: { title: string; body: string; quoteKeys: string[] }; answers: QuotableAnswerView[]; isPublished: boolean }) {
  const t = useTranslations("memos");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(saveMemoAction, IDLE);
  const [quoted, setQuoted] = useState<string[]>(memo.quoteKeys);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  // React resets the form after each submission: a refused one shows again what was typed.
  const typed = state.status === "error" ? state.values ?? {} : {};
  // A problem with no field of its own (an unknown session or quote) is shown above the buttons.
  const otherError = Object.entries(errors).find(([field]) => field !== "title" && field !== "body")?.[1];
  const toggle = (key: string) => setQuoted((keys) => (keys.includes(key) ? keys.filter((existing) => existing !== key) : [...keys, key]));
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="cycleId" value={cycleId} />
      {quoted.map((key) => (
        <input key={key} type="hidden" name="quote" value={key} />
      ))}
      <TextField id="memo-title" name="title" required maxLength={200} label={t("titleLabel")} defaultValue={typed.title ?? memo.title} error={errors.title && te(errors.title)} />
      <div className="space-y-1">
        <label htmlFor="memo-body" className="block text-sm font-medium">{t("bodyLabel")}</label>
        <textarea
          id="memo-body"
          name="body"
          rows={8}
          maxLength={20000}
          defaultValue={typed.body ?? memo.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? "memo-body-hint memo-body-error" : "memo-body-hint"}
          className="block w-full rounded-md border border-border bg-surface px-3 py-2 text-base aria-[invalid=true]:border-danger"
        />
        <p id="memo-body-hint" className="text-sm text-muted">{t("bodyHint")}</p>
        {errors.body && <p id="memo-body-error" className="text-sm text-danger">{te(errors.body)}</p>}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("answersLegend", { count: quoted.length })}</legend>
        {answers.length === 0 && <p className="text-sm text-muted">{t("answersEmpty")}</p>}
        <ul className="max-h-96 space-y-2 overflow-y-auto">
          {answers.map((answer) => {
            const isQuoted = quoted.includes(answer.key);
            return (
              <li key={answer.key} className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-border p-3" data-testid="quotable-answer">
                <div className="min-w-0 flex-1">
                  <p className="text-xs text-muted">{answer.question}</p>
                  <blockquote className="text-sm break-words">“{answer.text}”</blockquote>
                </div>
                <Button variant="secondary" aria-pressed={isQuoted} onClick={() => toggle(answer.key)} className="min-h-10 text-sm">
                  {isQuoted ? t("unquote") : t("quote")}
                </Button>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={isPending} aria-busy={isPending}>
          {isPublished ? t("saveChanges") : t("saveDraft")}
        </Button>
        <Button type="submit" name="intent" value="publish" disabled={isPending} aria-busy={isPending}>
          {isPublished ? t("republish") : t("publish")}
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1 basis-64">
          {state.status === "success" && state.message && <Alert tone="success">{t(state.message)}</Alert>}
          {state.status === "error" && !errors.title && !errors.body && <Alert>{te(otherError ?? state.error)}</Alert>}
        </div>
      </div>
    </form>
  );
}
