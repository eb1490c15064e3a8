"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "use-intl";
import { useRefusalText } from "@/components/i18n/use-refusal-text";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import type { AnswerErrors, Answers, AnswerValue } from "@/lib/instruments/answers";
import type { Definition, Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { FormProgress, LanguagePicker, SaveStatus } from "./form-chrome";
import { QuestionField } from "./question-field";
import { ReviewScreen, ThankYou } from "./review-screen";
import { formProgress, screenErrors } from "./screens";
import type { useResponseSync } from "./use-response-sync";

export type Phase = "form" | "review" | "done";

interface RespondViewProps {
  definition: Definition;
  languages: Locale[];
  locale: Locale;
  answers: Answers;
  errors: AnswerErrors;
  screens: Question[][];
  screen: number;
  phase: Phase;
  sync: ReturnType<typeof useResponseSync>;
  isReloading: boolean;
  portalHref: string;
  actions: {
    change: (questionId: string, value: AnswerValue | undefined) => void;
    setLocale: (locale: Locale) => void;
    goTo: (screen: number, phase?: Phase) => void;
    setErrors: (errors: AnswerErrors) => void;
    submit: () => void;
  };
}

const ID_PREFIX = "q";

/**
 * Moves focus to the first control of the first question with an error, and brings that question
 * to the top of the screen, so its message is in view rather than under a phone's sticky buttons.
 */
function focusFirstError(errors: AnswerErrors) {
  requestAnimationFrame(() => {
    for (const id of Object.keys(errors)) {
      const question = document.querySelector<HTMLElement>(`[data-question="${ID_PREFIX}-${CSS.escape(id)}"]`);
      const control = question?.querySelector<HTMLElement>(":is(input:not(:disabled), textarea, button:not(:disabled))");
      if (!question || !control) continue;
      control.focus({ preventScroll: true });
      question.scrollIntoView({ block: "start" });
      return;
    }
  });
}

export function RespondView({ definition, languages, locale, answers, errors, screens, screen, phase, sync, isReloading, portalHref, actions }: RespondViewProps) {
  const t = useTranslations("respond");
  const te = useTranslations("errors");
  const fallback = definition.defaultLocale;
  const title = localize(definition.title, locale, fallback);
  const intro = localize(definition.intro, locale, fallback);
  const headingRef = useRef<HTMLDivElement>(null);
  const isFirstRender = useRef(true);
  const current = screens[screen] ?? [];
  const progress = phase === "form" ? formProgress(screens, screen) : formProgress(screens, screens.length - 1);

  useEffect(() => {
    // Each new screen starts at its top, and a screen reader continues from there.
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [screen, phase]);

  useEffect(() => {
    if (phase === "form" && Object.keys(errors).length > 0) focusFirstError(errors);
  }, [phase, errors, screen]);

  const refusalText = useRefusalText();
  const translate = (key: string) => refusalText(key, te("answerInvalid"));

  function next() {
    const found = screenErrors(definition, answers, current);
    if (Object.keys(found).length > 0) {
      actions.setErrors({ ...errors, ...found });
      focusFirstError(found);
      return;
    }
    if (screen + 1 < screens.length) actions.goTo(screen + 1);
    else actions.goTo(screen, "review");
  }

  return (
    <div lang={locale} className="space-y-6">
      <header className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-balance">{title}</h1>
          {phase !== "done" && <LanguagePicker languages={languages} locale={locale} onChange={actions.setLocale} />}
        </div>
        {phase !== "done" && <FormProgress current={progress.current} total={progress.total} isReview={phase === "review"} />}
      </header>

      <div ref={headingRef} tabIndex={-1} className="space-y-8 outline-none" data-testid="respond-screen" data-phase={phase}>
        {isReloading && <Alert tone="warning">{t("reloading")}</Alert>}
        {phase === "done" && <ThankYou portalHref={portalHref} />}
        {phase === "review" && (
          <ReviewScreen definition={definition} locale={locale} answers={answers} screens={screens} errors={errors} translateError={translate} onChange={(index) => actions.goTo(index)} />
        )}
        {phase === "form" && (
          <>
            {screen === 0 && intro && <p className="whitespace-pre-line text-base text-muted">{intro}</p>}
            {Object.keys(errors).some((id) => current.some((question) => question.id === id)) && <Alert>{te("answersInvalid")}</Alert>}
            {current.map((question) => (
              <QuestionField
                key={question.id}
                question={question}
                locale={locale}
                fallbackLocale={fallback}
                value={answers[question.id]}
                onChange={(value) => actions.change(question.id, value)}
                error={errors[question.id] ? translate(errors[question.id]) : undefined}
                idPrefix={ID_PREFIX}
              />
            ))}
          </>
        )}
      </div>

      {phase !== "done" && (
        <div className="sticky bottom-0 -mx-4 space-y-2 border-t border-border bg-bg/95 px-4 pb-4 pt-3 backdrop-blur">
          <SaveStatus status={sync.status} isSubmitting={sync.isSubmitting} failure={sync.failure} />
          <div className="flex gap-3">
            <Button
              variant="secondary"
              className="min-h-12 flex-1"
              disabled={(phase === "form" && screen === 0) || sync.isSubmitting}
              onClick={() => (phase === "review" ? actions.goTo(screens.length - 1) : actions.goTo(screen - 1))}
            >
              {t("back")}
            </Button>
            {phase === "form" ? (
              <Button className="min-h-12 flex-[2]" onClick={next}>
                {screen + 1 < screens.length ? t("next") : t("review")}
              </Button>
            ) : (
              <Button className="min-h-12 flex-[2]" disabled={sync.isSubmitting} onClick={actions.submit}>
                {sync.isSubmitting ? t("submitting") : t("submit")}
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
