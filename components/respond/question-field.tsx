"use client";
// One question of any type, shared by the respondent form and the builder's live preview.
import { useTranslations } from "use-intl";
import type { AnswerValue } from "@/lib/instruments/answers";
import type { Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { ChoiceOption } from "./choice-option";
import { MatrixField } from "./matrix-field";
import { MultipleField } from "./multiple-field";
import { PointScale } from "./point-scale";
import { describedBy, fieldIds, QuestionFrame } from "./question-frame";
import { RankingField } from "./ranking-field";
import { StimulusBlock } from "./stimulus-block";
import { TextAnswer } from "./text-answer";

export interface QuestionFieldProps {
  question: Question;
  locale: Locale;
  fallbackLocale: Locale;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** Already translated error text for this question. */
  error?: string;
  /** Unique prefix for element ids when several forms are on one page (the builder's preview). */
  idPrefix?: string;
}

export function QuestionField({ question, locale, fallbackLocale, value, onChange, error, idPrefix }: QuestionFieldProps) {
  const t = useTranslations("respond");
  const text = (localized: Parameters<typeof localize>[0]) => localize(localized, locale, fallbackLocale);
  const ids = fieldIds(question.id, idPrefix);
  const prompt = text(question.prompt);
  const help = text(question.help);
  const describe = describedBy(ids, help, error);

  if (question.type === "stimulus") {
    return <StimulusBlock headingId={ids.legend} prompt={prompt} copy={text(question.copy)} imageUrl={question.imageUrl} imageAlt={text(question.imageAlt)} />;
  }

  const frame = (children: React.ReactNode) => (
    <QuestionFrame ids={ids} prompt={prompt} help={help} error={error} isRequired={question.required}>
      {children}
    </QuestionFrame>
  );
  const number = typeof value === "number" ? value : undefined;

  switch (question.type) {
    case "likert":
      return frame(
        <div className="space-y-2">
          {question.labels.map((label, index) => (
            <ChoiceOption key={index} type="radio" name={ids.base} value={index + 1} label={text(label)} checked={number === index + 1} onChange={() => onChange(index + 1)} aria-describedby={describe} />
          ))}
        </div>,
      );
    case "scale": {
      const minLabel = text(question.minLabel);
      const maxLabel = text(question.maxLabel);
      const points = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i).map((point) => ({
        value: point,
        display: point,
        name: point === question.min && minLabel ? `${point} – ${minLabel}` : point === question.max && maxLabel ? `${point} – ${maxLabel}` : String(point),
      }));
      return frame(
        <div className="space-y-2">
          <PointScale name={ids.base} points={points} value={number} onChange={onChange} describedBy={describe} columns="grid-cols-6 sm:grid-cols-11" />
          {(minLabel || maxLabel) && (
            <div aria-hidden="true" className="flex justify-between gap-4 text-sm text-muted">
              <span>{minLabel && `${question.min} – ${minLabel}`}</span>
              <span className="text-right">{maxLabel && `${question.max} – ${maxLabel}`}</span>
            </div>
          )}
        </div>,
      );
    }
    case "rating": {
      const isStars = question.style === "stars";
      const points = Array.from({ length: question.max }, (_, i) => i + 1).map((point) => ({
        value: point,
        display: isStars ? <span className="text-2xl leading-none">★</span> : point,
        name: t("ratingValue", { value: point, max: question.max }),
      }));
      const columns = question.max === 5 ? "grid-cols-5 max-w-sm" : isStars ? "grid-cols-5 sm:grid-cols-10" : "grid-cols-5 sm:grid-cols-10";
      return frame(
        <div className="space-y-2">
          <PointScale name={ids.base} points={points} value={number} onChange={onChange} describedBy={describe} columns={columns} isCumulative={isStars} />
          <p aria-hidden="true" className="min-h-5 text-sm text-muted">
            {number !== undefined && t("ratingValue", { value: number, max: question.max })}
          </p>
        </div>,
      );
    }
    case "single":
      return frame(
        <div className="space-y-2">
          {question.choices.map((choice) => (
            <ChoiceOption key={choice.id} type="radio" name={ids.base} value={choice.id} label={text(choice.label)} checked={value === choice.id} onChange={() => onChange(choice.id)} aria-describedby={describe} />
          ))}
        </div>,
      );
    case "multiple":
      return frame(
        <MultipleField
          baseId={ids.base}
          question={question}
          choices={question.choices.map((choice) => ({ id: choice.id, label: text(choice.label) }))}
          value={isChoiceValue(value) ? value : undefined}
          onChange={onChange}
          describedBy={describe}
        />,
      );
    case "ranking":
      return frame(
        <RankingField
          baseId={ids.base}
          choices={question.choices.map((choice) => ({ id: choice.id, label: text(choice.label) }))}
          value={Array.isArray(value) ? value : undefined}
          onChange={onChange}
          describedBy={describe}
        />,
      );
    case "matrix":
      return frame(
        <MatrixField
          baseId={ids.base}
          rows={question.rows.map((row) => ({ id: row.id, label: text(row.label) }))}
          labels={question.labels.map(text)}
          value={isRowValue(value) ? value : undefined}
          onChange={onChange}
          describedBy={describe}
        />,
      );
    case "text":
      return frame(
        <TextAnswer
          baseId={ids.base}
          labelledBy={ids.legend}
          isMultiline={question.multiline}
          maxLength={question.maxLength}
          value={typeof value === "string" ? value : undefined}
          onChange={onChange}
          describedBy={describe}
          isInvalid={Boolean(error)}
        />,
      );
  }
}

function isChoiceValue(value: AnswerValue | undefined): value is { choiceIds: string[]; other?: string } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray((value as { choiceIds?: unknown }).choiceIds);
}

function isRowValue(value: AnswerValue | undefined): value is Record<string, number> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("choiceIds" in value);
}
