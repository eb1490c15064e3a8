"use client";
import { useTranslations } from "use-intl";
import { Alert } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import type { AnswerErrors, Answers } from "@/lib/instruments/answers";
import type { Definition, Question } from "@/lib/instruments/definition";
import { isAnswerable, localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { answerSummary } from "@/lib/instruments/answer-summary";

interface ReviewScreenProps {
  definition: Definition;
  locale: Locale;
  answers: Answers;
  screens: Question[][];
  errors: AnswerErrors;
  translateError: (key: string) => string;
  onChange: (screen: number) => void;
}

/** Every visible question with its answer, each with a way back to change it. */
export function ReviewScreen({ definition, locale, answers, screens, errors, translateError, onChange }: ReviewScreenProps) {
  const t = useTranslations("respond");
  const fallback = definition.defaultLocale;
  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h2 id="review-title" className="text-xl font-semibold">
        {t("reviewTitle")}
      </h2>
      <p className="text-muted">{t("reviewIntro")}</p>
      {errors.form && <Alert>{translateError(errors.form)}</Alert>}
      <ol className="divide-y divide-border rounded-lg border border-border bg-surface">
        {screens.flatMap((screen, index) =>
          screen.filter(isAnswerable).map((question) => {
            const prompt = localize(question.prompt, locale, fallback);
            const summary = answerSummary(question, answers[question.id], locale, fallback, t("other"));
            return (
              <li key={question.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="font-medium text-muted">{prompt}</p>
                  {summary.length > 0 ? (
                    <ul className="mt-1 space-y-0.5 break-words">
                      {summary.map((line, lineIndex) => (
                        <li key={lineIndex}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 italic text-muted">{t("notAnswered")}</p>
                  )}
                  {errors[question.id] && <p className="mt-1 text-sm font-medium text-danger">{translateError(errors[question.id])}</p>}
                </div>
                <button type="button" onClick={() => onChange(index)} className="min-h-11 rounded-md px-3 text-sm font-medium text-primary underline underline-offset-2 hover:bg-accent">
                  {t("change")}
                  <span className="sr-only">: {prompt}</span>
                </button>
              </li>
            );
          }),
        )}
      </ol>
    </section>
  );
}

export function ThankYou({ portalHref }: { portalHref: string }) {
  const t = useTranslations("respond");
  return (
    <section aria-labelledby="thanks-title" className="rounded-lg border border-success bg-success-bg px-6 py-10 text-center">
      <p aria-hidden="true" className="text-4xl text-success">
        ✓
      </p>
      <h2 id="thanks-title" className="mt-2 text-2xl font-semibold">
        {t("thanksTitle")}
      </h2>
      <p className="mx-auto mt-2 max-w-prose">{t("thanksBody")}</p>
      <div className="mt-6 flex justify-center">
        <a href={portalHref} className={buttonClasses()}>
          {t("backToPortal")}
        </a>
      </div>
    </section>
  );
}
