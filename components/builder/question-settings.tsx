"use client";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Choice, LocalizedText, Question, QuestionOf } from "@/lib/instruments/definition";
import { Checkbox, NumberInput, Select } from "./controls";
import { ImageUpload } from "./image-upload";
import { LocalizedField } from "./localized-field";
import { newChoiceId, resizeLabels } from "./question-templates";

interface SettingsProps<Q extends Question> {
  question: Q;
  /** "questions.<index>", the start of every text path of this question. */
  path: string;
  onChange: (question: Q) => void;
}

/** The settings that depend on the question's type. */
export function QuestionSettings({ question, path, onChange }: SettingsProps<Question>) {
  const t = useTranslations("builder");
  const id = (suffix: string) => `${question.id}-${suffix}`;
  switch (question.type) {
    case "likert":
    case "matrix":
      return (
        <div className="space-y-4">
          {question.type === "matrix" && <ChoiceList kind="row" question={question} items={question.rows} path={path} min={1} max={20} onItems={(rows) => onChange({ ...question, rows })} />}
          <ScaleLabels question={question} path={path} onChange={onChange} />
        </div>
      );
    case "scale":
      return (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("scaleEnds")}</legend>
          <LocalizedField path={`${path}.minLabel`} label={t("minLabel")} value={question.minLabel} isOptional onChange={(minLabel) => onChange({ ...question, minLabel })} />
          <LocalizedField path={`${path}.maxLabel`} label={t("maxLabel")} value={question.maxLabel} isOptional onChange={(maxLabel) => onChange({ ...question, maxLabel })} />
        </fieldset>
      );
    case "rating":
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <Select id={id("max")} label={t("ratingMax")} value={String(question.max)} options={[5, 10].map((n) => ({ value: String(n), label: String(n) }))} onChange={(value) => onChange({ ...question, max: Number(value) as 5 | 10 })} />
          <Select id={id("style")} label={t("ratingStyle")} value={question.style} options={(["stars", "numbers"] as const).map((style) => ({ value: style, label: t(`ratingStyles.${style}`) }))} onChange={(value) => onChange({ ...question, style: value as "stars" | "numbers" })} />
        </div>
      );
    case "single":
    case "ranking":
      return <ChoiceList kind="option" question={question} items={question.choices} path={path} min={2} max={question.type === "ranking" ? 12 : 30} onItems={(choices) => onChange({ ...question, choices })} />;
    case "multiple":
      return (
        <div className="space-y-4">
          <ChoiceList kind="option" question={question} items={question.choices} path={path} min={2} max={30} onItems={(choices) => onChange({ ...question, choices })} />
          <Checkbox id={id("other")} label={t("allowOther")} checked={question.allowOther} onChange={(allowOther) => onChange({ ...question, allowOther })} />
          <div className="grid gap-3 sm:grid-cols-2">
            <NumberInput id={id("min-selected")} label={t("minSelected")} min={0} max={question.choices.length} value={question.minSelected} onChange={(minSelected) => onChange({ ...question, minSelected })} />
            <NumberInput id={id("max-selected")} label={t("maxSelected")} min={1} max={question.choices.length} value={question.maxSelected} onChange={(maxSelected) => onChange({ ...question, maxSelected })} />
          </div>
        </div>
      );
    case "text":
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <Select id={id("multiline")} label={t("textLength")} value={question.multiline ? "long" : "short"} options={(["short", "long"] as const).map((kind) => ({ value: kind, label: t(`textKinds.${kind}`) }))} onChange={(value) => onChange({ ...question, multiline: value === "long" })} />
          <NumberInput id={id("max-length")} label={t("maxLength")} min={1} max={5000} value={question.maxLength} onChange={(maxLength) => maxLength !== undefined && onChange({ ...question, maxLength })} />
        </div>
      );
    case "stimulus":
      return (
        <div className="space-y-3">
          <ImageUpload id={id("image")} imageUrl={question.imageUrl} onChange={(imageUrl) => onChange({ ...question, imageUrl, ...(imageUrl ? {} : { imageAlt: undefined }) })} />
          {question.imageUrl && <LocalizedField path={`${path}.imageAlt`} label={t("stimulusImageAlt")} value={question.imageAlt} isOptional onChange={(imageAlt) => onChange({ ...question, imageAlt })} />}
          <LocalizedField path={`${path}.copy`} label={t("stimulusCopy")} value={question.copy} multiline isOptional onChange={(copy) => onChange({ ...question, copy })} />
        </div>
      );
  }
}

function ScaleLabels({ question, path, onChange }: SettingsProps<QuestionOf<"likert"> | QuestionOf<"matrix">>) {
  const t = useTranslations("builder");
  const setLabel = (index: number, text: LocalizedText) => onChange({ ...question, labels: question.labels.map((label, i) => (i === index ? text : label)) });
  // Labels of points taken away come back if the points are added again (7 → 5 → 7 keeps points 6 and 7).
  const removedLabels = useRef<LocalizedText[]>([]);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t("scalePoints")}</legend>
      <Select
        id={`${question.id}-points`}
        label={t("points")}
        value={String(question.points)}
        className="max-w-48"
        options={[5, 7].map((n) => ({ value: String(n), label: t("pointsOption", { count: n }) }))}
        onChange={(value) => {
          const points = Number(value) as 5 | 7;
          const labels = resizeLabels(question.labels, points, removedLabels.current);
          if (points < question.labels.length) removedLabels.current = question.labels.slice(points);
          onChange({ ...question, points, labels });
        }}
      />
      {question.labels.map((label, index) => (
        <LocalizedField key={index} path={`${path}.labels.${index}`} label={t("pointLabel", { point: index + 1 })} value={label} onChange={(text) => setLabel(index, text)} />
      ))}
    </fieldset>
  );
}

/** Options of a choice question, or rows of a matrix: add, edit, remove. */
function ChoiceList({ kind, question, items, path, min, max, onItems }: { kind: "option" | "row"; question: Question; items: Choice[]; path: string; min: number; max: number; onItems: (items: Choice[]) => void }) {
  const t = useTranslations("builder");
  const key = kind === "row" ? "rows" : "choices";
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t(kind === "row" ? "rowsLegend" : "optionsLegend")}</legend>
      <ol className="space-y-3">
        {items.map((item, index) => (
          <li key={item.id} className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <LocalizedField path={`${path}.${key}.${index}.label`} label={t(kind === "row" ? "rowLabel" : "optionLabel", { number: index + 1 })} value={item.label} onChange={(label) => onItems(items.map((other) => (other.id === item.id ? { ...other, label } : other)))} />
            </div>
            <Button variant="ghost" className="px-3" disabled={items.length <= min} aria-label={t(kind === "row" ? "removeRow" : "removeOption", { number: index + 1 })} onClick={() => onItems(items.filter((other) => other.id !== item.id))}>
              <span aria-hidden>✕</span>
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        disabled={items.length >= max}
        aria-describedby={`${question.id}-${kind}-count`}
        onClick={() => onItems([...items, { id: newChoiceId(items.map((item) => item.id), kind === "row" ? "r" : "c"), label: {} }])}
      >
        {t(kind === "row" ? "addRow" : "addOption")}
      </Button>
      <span id={`${question.id}-${kind}-count`} className="sr-only">
        {t("itemCount", { count: items.length, max })}
      </span>
    </fieldset>
  );
}
