"use client";
import { useTranslations } from "use-intl";

interface TextAnswerProps {
  baseId: string;
  labelledBy: string;
  isMultiline: boolean;
  maxLength: number;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  describedBy?: string;
  isInvalid: boolean;
}

/** A text box with a counter of characters left; the limit is enforced by the box itself. */
export function TextAnswer({ baseId, labelledBy, isMultiline, maxLength, value = "", onChange, describedBy, isInvalid }: TextAnswerProps) {
  const t = useTranslations("respond");
  const counterId = `${baseId}-counter`;
  const props = {
    id: `${baseId}-input`,
    value,
    maxLength,
    "aria-labelledby": labelledBy,
    "aria-describedby": [describedBy, counterId].filter(Boolean).join(" "),
    "aria-invalid": isInvalid || undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value === "" ? undefined : event.target.value),
    className: "block w-full rounded-md border border-border bg-surface px-3 py-2 text-base text-fg aria-[invalid=true]:border-danger",
  };
  return (
    <div className="space-y-1">
      {isMultiline ? <textarea rows={5} {...props} className={`${props.className} min-h-32 resize-y`} /> : <input type="text" {...props} className={`${props.className} min-h-12`} />}
      {/* At the limit the box takes no more (a longer paste is cut), so the counter says so. */}
      <p id={counterId} className={`text-right text-sm tabular-nums ${value.length >= maxLength ? "font-medium text-warning" : "text-muted"}`}>
        {value.length >= maxLength ? t("charactersLimit", { max: maxLength }) : t("characters", { count: value.length, max: maxLength })}
      </p>
    </div>
  );
}
