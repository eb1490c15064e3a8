"use client";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { IntlProvider, type AbstractIntlMessages } from "use-intl";
import type { AnswerErrors, Answers, AnswerValue } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import { clearDraft, draftKey, readDraft, resumeState, writeDraft, type ServerResponse } from "./local-draft";
import { RespondView, type Phase } from "./respond-view";
import { firstErrorScreen, formScreens } from "./screens";
import { useResponseSync } from "./use-response-sync";

export interface RespondFormProps {
  orgSlug: string;
  userId: string;
  instrumentId: string;
  definition: Definition;
  /** The languages the instrument is written in; the form can switch between them. */
  languages: Locale[];
  /** The person's language, or the instrument's default when it is not among them. */
  initialLocale: Locale;
  server: ServerResponse | null;
  /** The "respond" and "errors" catalog namespaces per language, so the whole form follows its language. */
  messages: Partial<Record<Locale, AbstractIntlMessages>>;
  portalHref: string;
}

const subscribeNever = () => () => {};

/** The device's copy lives in localStorage, so the form starts once it runs in the browser. */
export function RespondForm(props: RespondFormProps) {
  const isBrowser = useSyncExternalStore(subscribeNever, () => true, () => false);
  if (!isBrowser) return <div className="min-h-96" aria-busy="true" />;
  return <RespondSession {...props} />;
}

function RespondSession({ orgSlug, userId, instrumentId, definition, languages, initialLocale, server, messages, portalHref }: RespondFormProps) {
  const key = draftKey(userId, instrumentId);
  const [initial] = useState(() => resumeState(server, readDraft(key), initialLocale, () => crypto.randomUUID()));
  const responseId = initial.responseId;
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [locale, setLocale] = useState<Locale>(languages.includes(initial.locale) ? initial.locale : initialLocale);
  const [screen, setScreen] = useState(initial.screen);
  const [phase, setPhase] = useState<Phase>(initial.isCompleted ? "done" : "form");
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [isReloading, setIsReloading] = useState(false);
  const screens = formScreens(definition, answers);

  const sync = useResponseSync({
    orgSlug,
    instrumentId,
    responseId,
    onInvalid: (found, kind) => {
      setErrors(found);
      const failing = formScreens(definition, answers);
      // A refused submission takes the person to the first question that needs attention.
      if (kind === "submit" && !found.form && Object.keys(found).some((id) => failing.flat().some((question) => question.id === id))) {
        setPhase("form");
        setScreen(firstErrorScreen(failing, found));
      }
    },
    onStartedElsewhere: () => {
      // Another device holds this person's response: show what the server has.
      clearDraft(key);
      setIsReloading(true);
      window.location.reload();
    },
    onCompleted: () => {
      clearDraft(key);
      setPhase("done");
    },
  });

  const persist = useCallback(
    (next: { answers?: Answers; locale?: Locale; screen?: number }) => {
      writeDraft(key, { responseId, answers: next.answers ?? answers, locale: next.locale ?? locale, screen: next.screen ?? screen, updatedAt: Date.now() });
    },
    [key, responseId, answers, locale, screen],
  );

  const { saveNow } = sync;
  useEffect(() => {
    // This device has answers the server has not seen (offline, or the tab closed before saving).
    if (initial.needsSave) saveNow({ instrumentId, locale: initial.locale, answers: initial.answers });
  }, [initial, instrumentId, saveNow]);

  const clampedScreen = Math.min(screen, Math.max(0, screens.length - 1));
  const actions = {
    change(questionId: string, value: AnswerValue | undefined) {
      const next = { ...answers };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      setAnswers(next);
      if (errors[questionId]) {
        setErrors((previous) => {
          const rest = { ...previous };
          delete rest[questionId];
          return rest;
        });
      }
      persist({ answers: next });
      sync.saveSoon({ instrumentId, locale, answers: next });
    },
    setLocale(next: Locale) {
      setLocale(next);
      persist({ locale: next });
      sync.saveNow({ instrumentId, locale: next, answers });
    },
    goTo(nextScreen: number, nextPhase: Phase = "form") {
      setScreen(nextScreen);
      setPhase(nextPhase);
      persist({ screen: nextScreen });
      if (nextPhase !== "done") sync.saveNow({ instrumentId, locale, answers });
    },
    setErrors,
    submit() {
      sync.submit({ instrumentId, locale, answers });
    },
  };

  return (
    <IntlProvider locale={locale} messages={messages[locale]} timeZone="UTC">
      <RespondView
        definition={definition}
        languages={languages}
        locale={locale}
        answers={answers}
        errors={errors}
        screens={screens}
        screen={clampedScreen}
        phase={phase}
        sync={sync}
        isReloading={isReloading}
        portalHref={portalHref}
        actions={actions}
      />
    </IntlProvider>
  );
}
