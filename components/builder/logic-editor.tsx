"use client";
import { useTranslations } from "next-intl";
import { localize, type Condition, type Question } from "@/lib/instruments/definition";
import { Select } from "./controls";
import { useBuilderSettings } from "./builder-context";

type Operator = Condition["operator"];

/** The operators that make sense for an answer of this question type. */
export function operatorsFor(question: Question): Operator[] {
  switch (question.type) {
    case "likert":
    case "scale":
    case "rating":
      return ["equals", "notEquals", "atLeast", "atMost", "answered"];
    case "single":
      return ["equals", "notEquals", "answered"];
    case "multiple":
      return ["includes", "notEquals", "answered"];
    case "text":
      return ["includes", "equals", "answered"];
    default:
      return ["answered"];
  }
}

const isNumeric = (question: Question) => question.type === "likert" || question.type === "scale" || question.type === "rating";

/** A sensible first value for a new condition on the question. */
function firstValue(question: Question, operator: Operator): Condition["value"] {
  if (operator === "answered") return undefined;
  if (isNumeric(question)) return question.type === "scale" ? 0 : 1;
  if ("choices" in question) return question.choices[0]?.id;
  return "";
}

/** "Show only if <earlier question> <operator> <value>" and "end the form after this question if …". */
export function LogicEditor({ question, earlier, numberOf, onChange }: { question: Question; earlier: Question[]; numberOf: (id: string) => number; onChange: (question: Question) => void }) {
  const t = useTranslations("builder");
  const { defaultLocale } = useBuilderSettings();
  const label = (other: Question) => t("questionRef", { number: numberOf(other.id), text: localize(other.prompt, defaultLocale, defaultLocale).slice(0, 50) || t("untitled") });
  const showTarget = earlier.find((other) => other.id === question.showIf?.questionId);
  return (
    <fieldset className="space-y-4 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-semibold">{t("logicLegend")}</legend>
      <div className="space-y-2">
        <Select
          id={`${question.id}-show-if`}
          label={t("showIf")}
          value={question.showIf?.questionId ?? ""}
          options={[{ value: "", label: t("alwaysShow") }, ...earlier.map((other) => ({ value: other.id, label: label(other) }))]}
          onChange={(questionId) => {
            const target = earlier.find((other) => other.id === questionId);
            if (!target) return onChange({ ...question, showIf: undefined });
            const operator = operatorsFor(target)[0];
            onChange({ ...question, showIf: { questionId, operator, value: firstValue(target, operator) } });
          }}
        />
        {question.showIf && showTarget && <ConditionFields idPrefix={`${question.id}-show-if`} target={showTarget} condition={question.showIf} onChange={(showIf) => onChange({ ...question, showIf })} />}
      </div>
      {question.type !== "stimulus" && (
        <div className="space-y-2">
          <Select
            id={`${question.id}-end-if`}
            label={t("endIf")}
            value={question.endIf?.operator ?? ""}
            options={[{ value: "", label: t("neverEnd") }, ...operatorsFor(question).map((operator) => ({ value: operator, label: t(`operators.${operator}`) }))]}
            onChange={(value) => {
              if (!value) return onChange({ ...question, endIf: undefined });
              const operator = value as Operator;
              const keep = question.endIf && operator !== "answered" && question.endIf.value !== undefined;
              onChange({ ...question, endIf: { questionId: question.id, operator, value: keep ? question.endIf!.value : firstValue(question, operator) } });
            }}
          />
          {question.endIf && question.endIf.operator !== "answered" && <ValueField id={`${question.id}-end-if-value`} target={question} condition={question.endIf} onChange={(endIf) => onChange({ ...question, endIf })} />}
        </div>
      )}
    </fieldset>
  );
}

function ConditionFields({ idPrefix, target, condition, onChange }: { idPrefix: string; target: Question; condition: Condition; onChange: (condition: Condition) => void }) {
  const t = useTranslations("builder");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Select
        id={`${idPrefix}-operator`}
        label={t("operator")}
        value={condition.operator}
        options={operatorsFor(target).map((operator) => ({ value: operator, label: t(`operators.${operator}`) }))}
        onChange={(value) => {
          const operator = value as Operator;
          onChange({ ...condition, operator, value: operator === "answered" ? undefined : condition.value ?? firstValue(target, operator) });
        }}
      />
      {condition.operator !== "answered" && <ValueField id={`${idPrefix}-value`} target={target} condition={condition} onChange={onChange} />}
    </div>
  );
}

/** The compared value: a choice of the target question, a point of its scale, or text. */
function ValueField({ id, target, condition, onChange }: { id: string; target: Question; condition: Condition; onChange: (condition: Condition) => void }) {
  const t = useTranslations("builder");
  const { defaultLocale } = useBuilderSettings();
  if ("choices" in target) {
    return (
      <Select
        id={id}
        label={t("value")}
        value={String(condition.value ?? "")}
        options={target.choices.map((choice, index) => ({ value: choice.id, label: localize(choice.label, defaultLocale, defaultLocale) || t("optionLabel", { number: index + 1 }) }))}
        onChange={(value) => onChange({ ...condition, value })}
      />
    );
  }
  if (isNumeric(target)) {
    const [min, max] = target.type === "scale" ? [0, 10] : target.type === "rating" ? [1, target.max] : [1, target.type === "likert" ? target.points : 5];
    const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    return <Select id={id} label={t("value")} value={String(condition.value ?? min)} options={values.map((value) => ({ value, label: value }))} onChange={(value) => onChange({ ...condition, value: Number(value) })} />;
  }
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("value")}
      </label>
      <input id={id} type="text" maxLength={40} value={String(condition.value ?? "")} onChange={(event) => onChange({ ...condition, value: event.target.value })} className="block min-h-11 w-full rounded-md border border-border bg-surface px-3 py-2 text-base" />
    </div>
  );
}
