"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { QuestionField } from "@/components/respond/question-field";
import type { Answers } from "@/lib/instruments/answers";
import { localize, type Definition } from "@/lib/instruments/definition";
import { visibleQuestions } from "@/lib/instruments/display-logic";
import { missingTranslations } from "@/lib/instruments/translations";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";
import { Select } from "./controls";

/** Scrolls the preview's phone screen to a question, leaving the page where it is. */
export function showInPreview(questionId: string) {
  const screen = document.querySelector<HTMLElement>("[data-preview-screen]");
  const question = screen?.querySelector<HTMLElement>(`[data-preview-question="${CSS.escape(questionId)}"]`);
  if (screen && question) screen.scrollBy({ top: question.getBoundingClientRect().top - screen.getBoundingClientRect().top - 8 });
}

/**
 * The form as a respondent sees it on a phone, with answers kept locally so display logic can be
 * tried. It marks the question being edited (showInPreview brings it into view), and says where a
 * text is shown in the default language because its translation is still missing.
 */
export function LivePreview({ definition, editedQuestionId }: { definition: Definition; editedQuestionId?: string | null }) {
  const t = useTranslations("builder");
  const [locale, setLocale] = useState<Locale>(definition.defaultLocale);
  const [answers, setAnswers] = useState<Answers>({});
  const shown = visibleQuestions(definition, answers);
  const fallback = definition.defaultLocale;
  const hidden = definition.questions.length - shown.length;
  const untranslated = locale === fallback ? [] : missingTranslations(definition, [locale]);
  const isUntranslated = (questionId?: string) => untranslated.some((missing) => missing.questionId === questionId);
  const untranslatedNote = (
    <p className="rounded-md border border-warning/40 bg-warning-bg px-2 py-1 text-xs text-warning" data-testid="preview-untranslated">
      {t("previewUntranslated", { language: LOCALE_NAMES[locale], fallback: LOCALE_NAMES[fallback] })}
    </p>
  );

  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          {t("previewTitle")}
        </h2>
        <Select id="preview-locale" label={t("previewLanguage")} value={locale} className="w-40" options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} onChange={(value) => setLocale(value as Locale)} />
      </div>
      <div className="mx-auto w-full max-w-[390px] rounded-[2rem] border-8 border-fg/80 bg-bg shadow-lg" data-testid="preview-frame">
        <div className="mx-auto my-2 h-1.5 w-16 rounded-full bg-fg/30" aria-hidden />
        <div data-preview-screen lang={locale} className="max-h-[70dvh] space-y-6 overflow-y-auto px-4 pt-2 pb-6">
          <div className="space-y-2">
            {isUntranslated(undefined) && untranslatedNote}
            <p className="text-xl font-semibold">{localize(definition.title, locale, fallback) || t("untitled")}</p>
            {localize(definition.intro, locale, fallback) && <p className="mt-2 text-sm whitespace-pre-line text-muted">{localize(definition.intro, locale, fallback)}</p>}
          </div>
          {shown.length === 0 && <p className="text-sm text-muted">{t("previewEmpty")}</p>}
          {shown.map((question) => (
            <div key={question.id} data-testid="preview-question" data-preview-question={question.id} className={cn("space-y-2 rounded-md", question.id === editedQuestionId && "outline-2 outline-offset-4 outline-primary/40")}>
              {isUntranslated(question.id) && untranslatedNote}
              <QuestionField
                question={question}
                locale={locale}
                fallbackLocale={fallback}
                value={answers[question.id]}
                idPrefix="preview-"
                onChange={(value) =>
                  setAnswers((current) => {
                    const next = { ...current };
                    if (value === undefined) delete next[question.id];
                    else next[question.id] = value;
                    return next;
                  })
                }
              />
            </div>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span aria-live="polite">{hidden > 0 ? t("previewHidden", { count: hidden }) : t("previewAllShown")}</span>
        <button type="button" className="min-h-11 rounded-md px-3 text-primary underline-offset-2 hover:underline" onClick={() => setAnswers({})}>
          {t("previewReset")}
        </button>
      </div>
    </section>
  );
}
