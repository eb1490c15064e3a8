"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { closestCenter, DndContext, PointerSensor, TouchSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { isAnswerable, type Definition, type Question, type QuestionType } from "@/lib/instruments/definition";
import type { BankItem } from "@/lib/instruments/item-bank";
import { missingTranslations, type MissingTranslation } from "@/lib/instruments/translations";
import type { Locale } from "@/lib/i18n/locales";
import { AddQuestion } from "./add-question";
import { BuilderContext, fieldId } from "./builder-context";
import { draftIssues } from "./draft-issues";
import { LivePreview, showInPreview } from "./live-preview";
import { PublishPanel, type Audience } from "./publish-panel";
import { QuestionCard, type CardCommand } from "./question-card";
import { blankQuestion, duplicateQuestion, moveItem, newQuestionId, pruneConditions, questionFromBank } from "./question-templates";
import { SaveBar } from "./save-bar";
import { SettingsCard } from "./settings-card";
import { TranslationsPanel } from "./translations-panel";
import { useDraftSaver } from "./use-draft-saver";

type Result<T> = { status: "success"; data: T } | { status: "error"; error: string; fieldErrors?: Record<string, string> };

/** The server actions the builder calls (app/…/instruments/actions.ts), passed in so components never import routes. */
export interface BuilderActions {
  saveDraft: (orgId: string, input: unknown) => Promise<Result<{ revision: number }>>;
  publish: (orgId: string, input: unknown) => Promise<Result<{ id: string; version: number }>>;
  setAvailability: (orgId: string, input: unknown) => Promise<Result<void>>;
}

export interface BuilderInstrument {
  id: string;
  name: string;
  revision: number;
  definition: Definition;
  latestVersion: number;
  hasUnpublishedChanges: boolean;
  isOpen: boolean;
  audience: Audience[];
  versions: Array<{ version: number; publishedAt: string }>;
}

export function InstrumentBuilder({ orgId, orgSlug, instrument, actions }: { orgId: string; orgSlug: string; instrument: BuilderInstrument; actions: BuilderActions }) {
  const t = useTranslations("builder");
  const te = useTranslations("errors");
  const [name, setName] = useState(instrument.name);
  const [definition, setDefinition] = useState(instrument.definition);
  const [editLocales, setEditLocales] = useState<Locale[]>([instrument.definition.defaultLocale]);
  const [latestVersion, setLatestVersion] = useState(instrument.latestVersion);
  const [versions, setVersions] = useState(instrument.versions);
  const [hasUnpublishedChanges, setHasUnpublishedChanges] = useState(instrument.hasUnpublishedChanges);
  const [publishErrors, setPublishErrors] = useState<Record<string, string>>({});
  const [isPublishing, setIsPublishing] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [editedQuestionId, setEditedQuestionId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const setPendingFocus = (id: string) => {
    pendingFocus.current = id;
  };
  const moveButtons = useRef(new Map<string, HTMLButtonElement | null>());

  const issues = useMemo(() => draftIssues(definition), [definition]);
  const missing = useMemo(() => missingTranslations(definition), [definition]);
  const isNameValid = name.trim().length >= 2 && name.trim().length <= 120;
  const isValid = isNameValid && issues.general.length === 0 && Object.keys(issues.byQuestion).length === 0;
  const draft = useMemo(() => ({ name, definition }), [name, definition]);
  const save = useCallback(
    async (current: { name: string; definition: Definition }, revision: number) => {
      const result = await actions.saveDraft(orgId, { instrumentId: instrument.id, name: current.name, revision, definition: current.definition });
      if (result.status === "success") setHasUnpublishedChanges(true);
      return result;
    },
    [orgId, instrument.id, actions],
  );
  const saver = useDraftSaver({ draft, revision: instrument.revision, isValid, save });

  // Focus follows the edit: a moved question's button, a new question's text, a missing translation.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    const element = moveButtons.current.get(id) ?? document.getElementById(id);
    if (element) {
      element.focus();
      element.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }, [definition, editLocales]);

  const setQuestions = (questions: Question[], message?: string) => {
    const { questions: pruned, dropped } = pruneConditions(questions);
    setDefinition((current) => ({ ...current, questions: pruned }));
    setAnnouncement([message, dropped > 0 ? t("conditionsDropped", { count: dropped }) : ""].filter(Boolean).join(" "));
  };
  const ids = () => definition.questions.map((question) => question.id);
  const insert = (question: Question) => {
    setQuestions([...definition.questions, question], t("added", { number: definition.questions.length + 1 }));
    setPendingFocus(fieldId(`questions.${definition.questions.length}.prompt`, editLocales[0]));
  };

  const command = (question: Question, index: number, action: CardCommand) => {
    const questions = definition.questions;
    if (action === "up" || action === "down") {
      const to = action === "up" ? index - 1 : index + 1;
      setQuestions(moveItem(questions, index, to), t("moved", { number: index + 1, position: to + 1 }));
      const isAtEdge = to === 0 || to === questions.length - 1;
      setPendingFocus(`${question.id}-${isAtEdge ? (action === "up" ? "down" : "up") : action}`);
    } else if (action === "duplicate") {
      const copy = duplicateQuestion(question, newQuestionId(ids()));
      setQuestions([...questions.slice(0, index + 1), copy, ...questions.slice(index + 1)], t("duplicated", { number: index + 1 }));
      setPendingFocus(fieldId(`questions.${index + 1}.prompt`, editLocales[0]));
    } else if (window.confirm(t("deleteConfirm", { number: index + 1 }))) {
      setQuestions(questions.filter((other) => other.id !== question.id), t("deleted", { number: index + 1 }));
      const remaining = questions.filter((other) => other.id !== question.id);
      setPendingFocus(remaining.length > 0 ? `${remaining[Math.max(index - 1, 0)].id}-heading` : "add-heading");
    }
  };

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = definition.questions.findIndex((question) => question.id === active.id);
    const to = definition.questions.findIndex((question) => question.id === over.id);
    setQuestions(moveItem(definition.questions, from, to), t("moved", { number: from + 1, position: to + 1 }));
  };

  const goTo = (item: MissingTranslation) => {
    setEditLocales((current) => (current.includes(item.locale) ? [...current] : [...current, item.locale]));
    setPendingFocus(fieldId(item.path, item.locale));
  };

  const blockedReason = !isValid
    ? t("blockedInvalid")
    : !definition.questions.some(isAnswerable)
      ? te("publishNoQuestions")
      : missing.length > 0
        ? t("blockedTranslations", { count: missing.length })
        : latestVersion > 0 && !hasUnpublishedChanges && saver.status.status === "saved"
          ? t("blockedNoChanges")
          : null;

  const publish = async () => {
    setIsPublishing(true);
    setOutcome(null);
    setPublishErrors({});
    const isSaved = await saver.saveNow();
    const result = isSaved ? await actions.publish(orgId, { instrumentId: instrument.id }) : null;
    setIsPublishing(false);
    if (!result) return setOutcome({ tone: "danger", text: t("publishNeedsSave") });
    if (result.status === "error") {
      setPublishErrors(result.fieldErrors ?? {});
      return setOutcome({ tone: "danger", text: te(result.error) });
    }
    setLatestVersion(result.data.version);
    setVersions((current) => [{ version: result.data.version, publishedAt: new Date().toISOString() }, ...current]);
    setHasUnpublishedChanges(false);
    setOutcome({ tone: "success", text: t("published", { version: result.data.version }) });
  };

  const setAvailability = async (input: { isOpen: boolean; audience: Audience[] }) => {
    const result = await actions.setAvailability(orgId, { instrumentId: instrument.id, ...input });
    return result.status === "error" ? te(Object.values(result.fieldErrors ?? {})[0] ?? result.error) : null;
  };

  const followInPreview = (questionId: string | null) => {
    setEditedQuestionId(questionId);
    if (questionId) showInPreview(questionId);
  };
  const numberOf = (id: string) => definition.questions.findIndex((question) => question.id === id) + 1;
  // Said while a question is dragged by pointer, in the builder's language and by number (the drop
  // itself is announced by setQuestions); keyboard users move questions with the move buttons.
  const dragAnnouncements: Announcements = {
    onDragStart: ({ active }) => t("dragPicked", { number: numberOf(String(active.id)) }),
    onDragOver: () => undefined,
    onDragEnd: () => undefined,
    onDragCancel: ({ active }) => t("dragCancelled", { number: numberOf(String(active.id)) }),
  };
  const settings = useMemo(() => ({ editLocales, defaultLocale: definition.defaultLocale, requiredLocales: definition.requiredLocales, orgSlug }), [editLocales, definition.defaultLocale, definition.requiredLocales, orgSlug]);

  return (
    <BuilderContext.Provider value={settings}>
      <nav aria-label={t("breadcrumb")} className="mb-3 text-sm">
        <Link href={`/o/${orgSlug}/workspace/instruments`} className="text-primary underline-offset-2 hover:underline">
          ← {t("backToList")}
        </Link>
      </nav>
      <SaveBar name={name} onName={setName} isNameValid={isNameValid} status={saver.status} onSave={() => void saver.saveNow()} />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_25rem]">
        <div className="min-w-0 space-y-6">
          <SettingsCard definition={definition} onChange={setDefinition} editLocales={editLocales} onEditLocales={setEditLocales} errors={issues.general} />
          <section aria-labelledby="questions-heading" className="space-y-3">
            <h2 id="questions-heading" className="text-lg font-semibold">
              {t("questionsTitle", { count: definition.questions.length })}
            </h2>
            {definition.questions.length === 0 && <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">{t("noQuestions")}</p>}
            <DndContext id="builder-questions" sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements: dragAnnouncements, screenReaderInstructions: { draggable: "" } }}>
              <SortableContext items={ids()} strategy={verticalListSortingStrategy}>
                {/* The preview follows the question being edited. */}
                <ol className="space-y-4" onFocus={(event) => followInPreview((event.target as HTMLElement).closest("[data-question-id]")?.getAttribute("data-question-id") ?? null)}>
                  {definition.questions.map((question, index) => (
                    <QuestionCard
                      key={question.id}
                      question={question}
                      index={index}
                      count={definition.questions.length}
                      earlier={definition.questions.slice(0, index).filter(isAnswerable)}
                      numberOf={numberOf}
                      errors={[...(issues.byQuestion[question.id] ?? []), ...(publishErrors[question.id] ? [publishErrors[question.id]] : [])]}
                      onChange={(next) => {
                        setDefinition((current) => ({ ...current, questions: current.questions.map((other) => (other.id === question.id ? next : other)) }));
                        if (publishErrors[question.id]) setPublishErrors((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== question.id)));
                      }}
                      onCommand={(action) => command(question, index, action)}
                      buttonRef={(direction, element) => moveButtons.current.set(`${question.id}-${direction}`, element)}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
          </section>
          <AddQuestion
            fallbackLocale={definition.defaultLocale}
            onAdd={(type: QuestionType) => insert(blankQuestion(type, newQuestionId(ids())))}
            onAddBank={(item: BankItem) => insert(questionFromBank(item, newQuestionId(ids())))}
          />
        </div>
        <aside className="min-w-0 space-y-6" aria-label={t("sidePanel")}>
          <PublishPanel
            latestVersion={latestVersion}
            versions={versions}
            hasUnpublishedChanges={hasUnpublishedChanges}
            blockedReason={blockedReason}
            isPublishing={isPublishing}
            outcome={outcome}
            onPublish={() => void publish()}
            isOpen={instrument.isOpen}
            audience={instrument.audience}
            onAvailability={setAvailability}
          >
            <TranslationsPanel missing={missing} onGoTo={goTo} />
          </PublishPanel>
          <div className="xl:sticky xl:top-4">
            <LivePreview definition={definition} editedQuestionId={editedQuestionId} />
          </div>
        </aside>
      </div>
    </BuilderContext.Provider>
  );
}
