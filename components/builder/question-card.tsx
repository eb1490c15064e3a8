"use client";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { itemCodeSchema, type Question } from "@/lib/instruments/definition";
import { Checkbox } from "./controls";
import { LocalizedField } from "./localized-field";
import { LogicEditor } from "./logic-editor";
import { QuestionSettings } from "./question-settings";

export type CardCommand = "up" | "down" | "duplicate" | "delete";

interface QuestionCardProps {
  question: Question;
  index: number;
  count: number;
  earlier: Question[];
  numberOf: (id: string) => number;
  /** Catalog keys (namespace "errors") for this question: validation and publishing. */
  errors: string[];
  onChange: (question: Question) => void;
  onCommand: (command: CardCommand) => void;
  /** Registers the move buttons so focus can follow the question after a keyboard move. */
  buttonRef: (command: "up" | "down", element: HTMLButtonElement | null) => void;
}

const ICON_BUTTON = "inline-flex size-11 items-center justify-center rounded-md border border-border bg-surface text-fg hover:bg-accent disabled:cursor-not-allowed disabled:opacity-40";

export function QuestionCard({ question, index, count, earlier, numberOf, errors, onChange, onCommand, buttonRef }: QuestionCardProps) {
  const t = useTranslations("builder");
  const te = useTranslations("errors");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: question.id });
  const number = index + 1;
  const path = `questions.${index}`;
  const codeIsValid = !question.code || itemCodeSchema.safeParse(question.code).success;
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={cn("list-none", isDragging && "relative z-10 opacity-80")} data-testid="question-card" data-question-id={question.id}>
      <section aria-labelledby={`${question.id}-heading`} className={cn("rounded-lg border bg-surface shadow-sm", errors.length > 0 ? "border-danger" : "border-border")}>
        <header className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-2">
          {/* Dragging is for pointers; keyboard users move with the buttons, so the handle stays out of the tab order. */}
          <span ref={setActivatorNodeRef} {...attributes} {...listeners} tabIndex={-1} aria-hidden role="presentation" title={t("dragHandle")} className="flex size-11 cursor-grab touch-none items-center justify-center rounded-md text-muted hover:bg-accent active:cursor-grabbing">
            <Icon d="M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01" />
          </span>
          <h3 id={`${question.id}-heading`} tabIndex={-1} className="flex min-w-0 flex-1 flex-wrap items-center gap-2 font-semibold">
            <span>{t("questionNumber", { number })}</span>
            <Badge>{t(`types.${question.type}`)}</Badge>
            {question.code && <Badge tone="success">{question.code}</Badge>}
          </h3>
          <div className="flex shrink-0 gap-1">
            <button type="button" ref={(element) => buttonRef("up", element)} className={ICON_BUTTON} disabled={index === 0} aria-label={t("moveUp", { number })} onClick={() => onCommand("up")}>
              <Icon d="M12 19V5M5 12l7-7 7 7" />
            </button>
            <button type="button" ref={(element) => buttonRef("down", element)} className={ICON_BUTTON} disabled={index === count - 1} aria-label={t("moveDown", { number })} onClick={() => onCommand("down")}>
              <Icon d="M12 5v14M5 12l7 7 7-7" />
            </button>
            <button type="button" className={ICON_BUTTON} aria-label={t("duplicate", { number })} onClick={() => onCommand("duplicate")}>
              <Icon d="M8 8h11v11H8zM5 16V5h11" />
            </button>
            <button type="button" className={cn(ICON_BUTTON, "text-danger")} aria-label={t("delete", { number })} onClick={() => onCommand("delete")}>
              <Icon d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
            </button>
          </div>
        </header>
        <div className="space-y-4 p-4">
          {errors.length > 0 && (
            <ul className="space-y-1 rounded-md border border-danger bg-danger-bg px-3 py-2 text-sm text-danger" role="alert">
              {errors.map((key) => (
                <li key={key}>{te(key)}</li>
              ))}
            </ul>
          )}
          <LocalizedField path={`${path}.prompt`} label={t(question.type === "stimulus" ? "stimulusTitle" : "prompt")} value={question.prompt} isOptional={question.type === "stimulus"} multiline onChange={(prompt) => onChange({ ...question, prompt })} />
          <LocalizedField path={`${path}.help`} label={t("help")} value={question.help} isOptional onChange={(help) => onChange({ ...question, help })} />
          <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
            {question.type !== "stimulus" && <Checkbox id={`${question.id}-required`} label={t("required")} checked={question.required} onChange={(required) => onChange({ ...question, required })} />}
            <div className="space-y-1">
              <label htmlFor={`${question.id}-code`} className="block text-sm font-medium">
                {t("itemCode")}
              </label>
              <input
                id={`${question.id}-code`}
                value={question.code ?? ""}
                maxLength={40}
                autoCapitalize="characters"
                aria-invalid={codeIsValid ? undefined : true}
                aria-describedby={`${question.id}-code-hint`}
                onChange={(event) => onChange({ ...question, code: event.target.value.toUpperCase().replace(/\s/g, "_") || undefined })}
                className="block min-h-11 w-48 rounded-md border border-border bg-surface px-3 py-2 font-mono text-sm aria-[invalid=true]:border-danger"
              />
              <p id={`${question.id}-code-hint`} className={cn("text-xs", codeIsValid ? "text-muted" : "text-danger")}>
                {codeIsValid ? t("itemCodeHint") : te("itemCodeInvalid")}
              </p>
            </div>
          </div>
          <QuestionSettings question={question} path={path} onChange={onChange} />
          <LogicEditor question={question} earlier={earlier} numberOf={numberOf} onChange={onChange} />
        </div>
      </section>
    </li>
  );
}

/** A stroked 24×24 icon; the button around it carries the accessible name. */
function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}
