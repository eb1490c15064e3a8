"use client";
import { useTranslations } from "use-intl";
import type { QuestionOf } from "@/lib/instruments/definition";
import { ChoiceOption } from "./choice-option";

type MultipleValue = { choiceIds: string[]; other?: string };

interface MultipleFieldProps {
  baseId: string;
  question: QuestionOf<"multiple">;
  choices: Array<{ id: string; label: string }>;
  value: MultipleValue | undefined;
  onChange: (value: MultipleValue | undefined) => void;
  describedBy?: string;
}

/** Checkboxes, an optional "Other" with its own text, and the allowed number of choices. */
export function MultipleField({ baseId, question, choices, value, onChange, describedBy }: MultipleFieldProps) {
  const t = useTranslations("respond");
  const chosen = value?.choiceIds ?? [];
  const hasOther = value?.other !== undefined;
  const count = chosen.length + (hasOther ? 1 : 0);
  const isFull = question.maxSelected !== undefined && count >= question.maxSelected;
  const { minSelected: min, maxSelected: max } = question;
  const limit = min && max ? t("chooseBetween", { min, max }) : max ? t("chooseAtMost", { max }) : min ? t("chooseAtLeast", { min }) : "";
  const limitId = `${baseId}-limit`;
  const describe = [describedBy, limit && limitId].filter(Boolean).join(" ") || undefined;

  function update(choiceIds: string[], other: string | undefined) {
    onChange(choiceIds.length === 0 && other === undefined ? undefined : { choiceIds, ...(other !== undefined ? { other } : {}) });
  }

  return (
    <div className="space-y-2">
      {limit && (
        <p id={limitId} className="text-sm text-muted">
          {limit}
        </p>
      )}
      {choices.map((choice) => {
        const isChecked = chosen.includes(choice.id);
        return (
          <ChoiceOption
            key={choice.id}
            type="checkbox"
            name={baseId}
            value={choice.id}
            label={choice.label}
            checked={isChecked}
            disabled={!isChecked && isFull}
            aria-describedby={describe}
            onChange={(event) => update(event.target.checked ? [...chosen, choice.id] : chosen.filter((id) => id !== choice.id), value?.other)}
          />
        );
      })}
      {question.allowOther && (
        <>
          <ChoiceOption
            type="checkbox"
            name={baseId}
            value="other"
            label={t("other")}
            checked={hasOther}
            disabled={!hasOther && isFull}
            aria-describedby={describe}
            onChange={(event) => update(chosen, event.target.checked ? "" : undefined)}
          />
          {hasOther && (
            <div className="pl-4">
              <label htmlFor={`${baseId}-other`} className="mb-1 block text-sm font-medium">
                {t("otherLabel")}
              </label>
              <input
                id={`${baseId}-other`}
                type="text"
                maxLength={500}
                value={value?.other ?? ""}
                onChange={(event) => update(chosen, event.target.value)}
                className="block min-h-12 w-full rounded-md border border-border bg-surface px-3 py-2 text-base"
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
